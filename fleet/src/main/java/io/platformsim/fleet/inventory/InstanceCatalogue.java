package io.platformsim.fleet.inventory;

import io.platformsim.core.lesp.InstanceMenu;
import io.platformsim.core.lesp.InstanceType;
import io.platformsim.core.workload.Resources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instance types an inventory may name: vCPU, memory and on-demand Linux price per hour. An
 * unknown type is an error naming it; a catalogue is a value.
 *
 * <p>{@link #AWS_US_EAST_1}: region us-east-1 (N. Virginia), on-demand Linux prices per hour in US
 * dollars as listed on the AWS EC2 on-demand pricing page
 * (https://aws.amazon.com/ec2/pricing/on-demand/), prices as of 2024 (recalled list prices, the
 * same figures {@link InstanceMenu#AWS_DEFAULT} uses, unchanged since each generation launched);
 * vCPU and memory from the AWS instance-type pages (https://aws.amazon.com/ec2/instance-types/).
 * The m5/c5/r5 sizes already in {@code InstanceMenu.AWS_DEFAULT} are taken from it (one definition
 * of each price); this class adds the other common sizes and the m6i/c6i/r6i/t3 families. Memory
 * per vCPU: c = 2 GiB, m = 4 GiB, r = 8 GiB; t3 burstable types as listed.
 */
public final class InstanceCatalogue {

  /** Region of the prices in {@link #AWS_US_EAST_1}. */
  public static final String AWS_REGION = "us-east-1";

  /** Date of the prices in {@link #AWS_US_EAST_1} (list prices as of that year). */
  public static final String AWS_PRICE_DATE = "2024";

  /** AWS m5/m6i/c5/c6i/r5/r6i/t3 in us-east-1; see the class comment for the source. */
  public static final InstanceCatalogue AWS_US_EAST_1 = new InstanceCatalogue(awsTypes());

  private final Map<String, InstanceType> types;
  private final List<InstanceType> order;

  private InstanceCatalogue(Collection<InstanceType> types) {
    Map<String, InstanceType> m = new LinkedHashMap<>();
    for (InstanceType t : types) {
      if (m.put(t.name(), t) != null) {
        throw new IllegalArgumentException("duplicate instance type '" + t.name() + "'");
      }
    }
    if (m.isEmpty()) {
      throw new IllegalArgumentException("an instance catalogue needs at least one type");
    }
    this.types = Map.copyOf(m);
    this.order = List.copyOf(m.values());
  }

  /** A catalogue of exactly these types (names must be unique). */
  public static InstanceCatalogue of(Collection<InstanceType> types) {
    return new InstanceCatalogue(types);
  }

  /** Every type, in catalogue order. */
  public List<InstanceType> types() {
    return order;
  }

  /** The type named {@code name}, if known. */
  public Optional<InstanceType> find(String name) {
    return Optional.ofNullable(types.get(name));
  }

  /**
   * The type named {@code name}.
   *
   * @throws IllegalArgumentException naming the unknown type
   */
  public InstanceType type(String name) {
    InstanceType t = types.get(name);
    if (t == null) {
      throw new IllegalArgumentException(
          "unknown instance type '" + name + "' (not in the catalogue of " + size() + " types)");
    }
    return t;
  }

  /** The number of types. */
  public int size() {
    return order.size();
  }

  /** An LeSP menu of the named types, in the order given (each must be known). */
  public InstanceMenu menu(Collection<String> names) {
    return InstanceMenu.of(names.stream().map(this::type).toList());
  }

  private static List<InstanceType> awsTypes() {
    List<InstanceType> all = new ArrayList<>(InstanceMenu.AWS_DEFAULT.types());
    // c5: 2 GiB per vCPU; large..4xlarge are in AWS_DEFAULT.
    all.add(InstanceType.of("c5.9xlarge", 36, 72, 1.53));
    all.add(InstanceType.of("c5.12xlarge", 48, 96, 2.04));
    all.add(InstanceType.of("c5.18xlarge", 72, 144, 3.06));
    all.add(InstanceType.of("c5.24xlarge", 96, 192, 4.08));
    // m5: 4 GiB per vCPU; large..8xlarge are in AWS_DEFAULT.
    all.add(InstanceType.of("m5.12xlarge", 48, 192, 2.304));
    all.add(InstanceType.of("m5.16xlarge", 64, 256, 3.072));
    all.add(InstanceType.of("m5.24xlarge", 96, 384, 4.608));
    // r5: 8 GiB per vCPU; large..8xlarge are in AWS_DEFAULT.
    all.add(InstanceType.of("r5.12xlarge", 48, 384, 3.024));
    all.add(InstanceType.of("r5.16xlarge", 64, 512, 4.032));
    all.add(InstanceType.of("r5.24xlarge", 96, 768, 6.048));
    // The 6th generation (Ice Lake) lists at the same price per size as the 5th in us-east-1.
    family(all, "c6i", 2, 0.085);
    family(all, "m6i", 4, 0.096);
    family(all, "r6i", 8, 0.126);
    // t3: burstable; 2 vCPU up to large, memory as listed (nano holds 0.5 GiB).
    all.add(new InstanceType("t3.nano", Resources.ofCores(2, 0.5), 0.0052));
    all.add(InstanceType.of("t3.micro", 2, 1, 0.0104));
    all.add(InstanceType.of("t3.small", 2, 2, 0.0208));
    all.add(InstanceType.of("t3.medium", 2, 4, 0.0416));
    all.add(InstanceType.of("t3.large", 2, 8, 0.0832));
    all.add(InstanceType.of("t3.xlarge", 4, 16, 0.1664));
    all.add(InstanceType.of("t3.2xlarge", 8, 32, 0.3328));
    return all;
  }

  /**
   * The sizes large (2 vCPU) to 32xlarge (128 vCPU) of a 6th-generation family, priced linearly in
   * vCPU from the large price, as AWS lists them.
   */
  private static void family(
      List<InstanceType> all, String family, int gibPerVcpu, double largePrice) {
    String[] sizes = {
      "large",
      "xlarge",
      "2xlarge",
      "4xlarge",
      "8xlarge",
      "12xlarge",
      "16xlarge",
      "24xlarge",
      "32xlarge"
    };
    int[] vcpus = {2, 4, 8, 16, 32, 48, 64, 96, 128};
    for (int i = 0; i < sizes.length; i++) {
      double price = Math.round(largePrice * vcpus[i] / 2 * 10_000) / 10_000.0;
      all.add(InstanceType.of(family + "." + sizes[i], vcpus[i], vcpus[i] * gibPerVcpu, price));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InstanceCatalogue c && order.equals(c.order);
  }

  @Override
  public int hashCode() {
    return order.hashCode();
  }

  @Override
  public String toString() {
    return "InstanceCatalogue["
        + size()
        + " types: "
        + order.get(0).name()
        + " … "
        + order.get(size() - 1).name()
        + "]";
  }
}
