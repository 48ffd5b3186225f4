package io.platformsim.identity.ipam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of instance types and their ENI limits. {@link #AWS} holds common EC2 types; build your
 * own with {@link #of(List)}. Immutable.
 *
 * <p>Source of {@link #AWS}: the ENI count and IPv4 addresses per ENI are EC2's published
 * per-instance-type limits as tabulated with the resulting max pods in awslabs/amazon-eks-ami
 * {@code files/eni-max-pods.txt} (see also {@code shared/reference/kubernetes.md} §6), e.g.
 * m5.large 3 × 10 → 29, t3.medium 3 × 6 → 17, m5.4xlarge 8 × 30 → 234, m5.24xlarge 15 × 50 → 737.
 */
public final class EniLimits {

  /** Common EC2 instance types (source in the class comment). */
  public static final EniLimits AWS =
      of(
          List.of(
              new EniLimit("t3.micro", 2, 2), // maxPods 4
              new EniLimit("t3.small", 3, 4), // 11
              new EniLimit("t3.medium", 3, 6), // 17
              new EniLimit("t3.large", 3, 12), // 35
              new EniLimit("t3.xlarge", 4, 15), // 58
              new EniLimit("t3.2xlarge", 4, 15), // 58
              new EniLimit("m5.large", 3, 10), // 29
              new EniLimit("m5.xlarge", 4, 15), // 58
              new EniLimit("m5.2xlarge", 4, 15), // 58
              new EniLimit("m5.4xlarge", 8, 30), // 234
              new EniLimit("m5.8xlarge", 8, 30), // 234
              new EniLimit("m5.12xlarge", 8, 30), // 234
              new EniLimit("m5.16xlarge", 15, 50), // 737
              new EniLimit("m5.24xlarge", 15, 50), // 737
              new EniLimit("c5.large", 3, 10), // 29
              new EniLimit("c5.xlarge", 4, 15), // 58
              new EniLimit("c5.2xlarge", 4, 15), // 58
              new EniLimit("c5.4xlarge", 8, 30), // 234
              new EniLimit("r5.large", 3, 10), // 29
              new EniLimit("r5.xlarge", 4, 15), // 58
              new EniLimit("r5.2xlarge", 4, 15), // 58
              new EniLimit("r5.4xlarge", 8, 30))); // 234

  private final Map<String, EniLimit> byType;

  private EniLimits(Map<String, EniLimit> byType) {
    this.byType = byType;
  }

  /**
   * A table of {@code limits}.
   *
   * @throws IllegalArgumentException if a type appears twice or the list is empty
   */
  public static EniLimits of(List<EniLimit> limits) {
    if (limits == null || limits.isEmpty()) {
      throw new IllegalArgumentException("an ENI limit table needs at least one instance type");
    }
    Map<String, EniLimit> m = new LinkedHashMap<>();
    for (EniLimit l : limits) {
      if (m.put(l.instanceType(), l) != null) {
        throw new IllegalArgumentException("instance type " + l.instanceType() + " appears twice");
      }
    }
    return new EniLimits(java.util.Collections.unmodifiableMap(m));
  }

  /**
   * The limits of {@code instanceType}.
   *
   * @throws IllegalArgumentException naming the type and the known ones if it is not in the table
   */
  public EniLimit of(String instanceType) {
    EniLimit l = byType.get(instanceType);
    if (l == null) {
      throw new IllegalArgumentException(
          "unknown instance type '" + instanceType + "'; known: " + byType.keySet());
    }
    return l;
  }

  /** {@code of(instanceType).maxPods()}. */
  public int maxPods(String instanceType) {
    return of(instanceType).maxPods();
  }

  /** Every entry, in table order. */
  public List<EniLimit> all() {
    return List.copyOf(byType.values());
  }

  @Override
  public String toString() {
    return "EniLimits" + byType.values();
  }
}
