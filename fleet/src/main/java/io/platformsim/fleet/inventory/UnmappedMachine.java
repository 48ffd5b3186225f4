package io.platformsim.fleet.inventory;

/**
 * A machine no service claims (no service tag, no auto-scaling group): reported, never dropped.
 *
 * @param id instance id, e.g. {@code i-0abc}; empty if the source has none
 * @param instanceType its instance type
 * @param zone its availability zone; empty when unknown
 * @param source where it was read: {@code file: JSON path}
 */
public record UnmappedMachine(String id, String instanceType, String zone, String source) {

  /** Validates that no field is null. */
  public UnmappedMachine {
    if (id == null || instanceType == null || zone == null || source == null) {
      throw new IllegalArgumentException("unmapped machine fields must not be null");
    }
  }

  @Override
  public String toString() {
    return (id.isEmpty() ? "?" : id)
        + " "
        + instanceType
        + (zone.isEmpty() ? "" : " " + zone)
        + " ("
        + source
        + ")";
  }
}
