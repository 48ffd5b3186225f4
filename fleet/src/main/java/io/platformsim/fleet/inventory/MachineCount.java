package io.platformsim.fleet.inventory;

/**
 * How many machines of one instance type run in one zone.
 *
 * @param instanceType e.g. {@code m5.large}; not blank
 * @param zone availability zone, e.g. {@code us-east-1a}; empty when the source does not say
 * @param count at least 1
 */
public record MachineCount(String instanceType, String zone, int count) {

  /** Validates the fields; messages name the value. */
  public MachineCount {
    if (instanceType == null || instanceType.isBlank()) {
      throw new IllegalArgumentException(
          "instanceType must not be blank, was '" + instanceType + "'");
    }
    if (zone == null) {
      throw new IllegalArgumentException("zone must not be null (empty when unknown)");
    }
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, was " + count);
    }
  }

  @Override
  public String toString() {
    return count + " × " + instanceType + (zone.isEmpty() ? "" : " in " + zone);
  }
}
