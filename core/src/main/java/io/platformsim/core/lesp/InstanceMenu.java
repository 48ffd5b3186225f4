package io.platformsim.core.lesp;

import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The fixed menu of instance types LeSP can launch, and the rule that picks one per service: the
 * cheapest type whose capacity holds one instance's request plus the per-machine agents. Ties in
 * price go to the type listed first, so the choice is deterministic.
 *
 * <p>Rounding requests up to a menu is where a machine-per-service platform loses capacity (Borg,
 * EuroSys 2015, §5.4: +30–50% resources for a power-of-two menu).
 */
public final class InstanceMenu {

  /**
   * AWS EC2 general-purpose (m5), compute-optimized (c5) and memory-optimized (r5) types with their
   * on-demand Linux prices in us-east-1, per hour, as published on the AWS EC2 on-demand pricing
   * page (https://aws.amazon.com/ec2/pricing/on-demand/); recalled figures, stable since these
   * generations launched. vCPU and GiB from the AWS instance-type pages.
   */
  public static final InstanceMenu AWS_DEFAULT =
      new InstanceMenu(
          List.of(
              InstanceType.of("c5.large", 2, 4, 0.085),
              InstanceType.of("m5.large", 2, 8, 0.096),
              InstanceType.of("r5.large", 2, 16, 0.126),
              InstanceType.of("c5.xlarge", 4, 8, 0.17),
              InstanceType.of("m5.xlarge", 4, 16, 0.192),
              InstanceType.of("r5.xlarge", 4, 32, 0.252),
              InstanceType.of("c5.2xlarge", 8, 16, 0.34),
              InstanceType.of("m5.2xlarge", 8, 32, 0.384),
              InstanceType.of("r5.2xlarge", 8, 64, 0.504),
              InstanceType.of("c5.4xlarge", 16, 32, 0.68),
              InstanceType.of("m5.4xlarge", 16, 64, 0.768),
              InstanceType.of("r5.4xlarge", 16, 128, 1.008),
              InstanceType.of("m5.8xlarge", 32, 128, 1.536),
              InstanceType.of("r5.8xlarge", 32, 256, 2.016)));

  private final List<InstanceType> types;

  private InstanceMenu(List<InstanceType> types) {
    if (types.isEmpty()) {
      throw new IllegalArgumentException("an instance menu needs at least one type");
    }
    List<String> seen = new ArrayList<>();
    for (InstanceType t : types) {
      if (seen.contains(t.name())) {
        throw new IllegalArgumentException("duplicate instance type '" + t.name() + "' in menu");
      }
      seen.add(t.name());
    }
    this.types = List.copyOf(types);
  }

  /** A menu of the given types (order breaks price ties). */
  public static InstanceMenu of(InstanceType... types) {
    return new InstanceMenu(List.of(types));
  }

  /** A menu of the given types (order breaks price ties). */
  public static InstanceMenu of(List<InstanceType> types) {
    return new InstanceMenu(types);
  }

  /** The types in menu order. */
  public List<InstanceType> types() {
    return types;
  }

  /** The type named {@code name}; an unknown name is an error listing the menu. */
  public InstanceType type(String name) {
    for (InstanceType t : types) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown instance type '" + name + "'; menu: " + names());
  }

  /** The cheapest type whose capacity holds {@code need}, or empty if none does. */
  public Optional<InstanceType> cheapestFitting(Resources need) {
    return types.stream()
        .filter(t -> need.fitsIn(t.capacity()))
        .min(
            Comparator.comparingDouble(
                InstanceType::hourlyPriceUsd)); // min is stable: first wins ties
  }

  /**
   * The type {@code service} runs on: the cheapest that holds one instance plus {@code agents}.
   *
   * @throws IllegalArgumentException naming the service and its need if no type holds it
   */
  public InstanceType select(Service service, MachineAgents agents) {
    Resources need = service.request().plus(agents.total());
    return cheapestFitting(need)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "service '"
                        + service.name()
                        + "' needs "
                        + need
                        + " per machine (request "
                        + service.request()
                        + " + agents "
                        + agents.total()
                        + ") and no instance type in the menu holds it; largest: "
                        + largest()));
  }

  /**
   * The pinned type {@code typeName} for {@code service}, checked to hold one instance plus {@code
   * agents}.
   *
   * @throws IllegalArgumentException if the type is unknown or too small, naming both
   */
  public InstanceType pinned(Service service, String typeName, MachineAgents agents) {
    InstanceType t = type(typeName);
    Resources need = service.request().plus(agents.total());
    if (!need.fitsIn(t.capacity())) {
      throw new IllegalArgumentException(
          "service '"
              + service.name()
              + "' is pinned to "
              + t
              + " but needs "
              + need
              + " per machine");
    }
    return t;
  }

  private String largest() {
    return types.stream()
        .max(
            Comparator.comparingLong((InstanceType t) -> t.capacity().milliCpu())
                .thenComparingLong(t -> t.capacity().memoryMib()))
        .map(InstanceType::toString)
        .orElse("none");
  }

  private List<String> names() {
    return types.stream().map(InstanceType::name).toList();
  }

  /** Equal when both list equal types in the same order (a menu is a value). */
  @Override
  public boolean equals(Object o) {
    return o instanceof InstanceMenu m && types.equals(m.types);
  }

  @Override
  public int hashCode() {
    return types.hashCode();
  }

  @Override
  public String toString() {
    return "InstanceMenu" + types;
  }
}
