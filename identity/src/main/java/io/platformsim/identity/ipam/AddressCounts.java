package io.platformsim.identity.ipam;

import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of an allocator's addresses: used (by a machine, node or pod), reserved (held but
 * idle: VPC-native warm pools, or the unassigned rest of overlay node ranges), free (still in the
 * subnets or cluster CIDR), and refused requests by reason. {@code used + reserved + free =
 * capacity}.
 *
 * @param used addresses assigned to a holder
 * @param reserved addresses set aside but idle
 * @param free addresses nobody holds
 * @param exhaustions refused requests by reason (reasons never seen are absent)
 */
public record AddressCounts(
    long used, long reserved, long free, Map<ExhaustionReason, Integer> exhaustions) {

  /** Copies the map. */
  public AddressCounts {
    exhaustions = Map.copyOf(exhaustions);
  }

  /** Builds the counts from an array indexed by {@link ExhaustionReason#ordinal()}. */
  static AddressCounts of(long used, long reserved, long free, int[] byReason) {
    Map<ExhaustionReason, Integer> m = new EnumMap<>(ExhaustionReason.class);
    for (ExhaustionReason r : ExhaustionReason.values()) {
      if (byReason[r.ordinal()] > 0) {
        m.put(r, byReason[r.ordinal()]);
      }
    }
    return new AddressCounts(used, reserved, free, m);
  }

  /** All addresses: used + reserved + free. */
  public long capacity() {
    return used + reserved + free;
  }

  /** Refused requests over all reasons. */
  public int exhaustionEvents() {
    int n = 0;
    for (int v : exhaustions.values()) {
      n += v;
    }
    return n;
  }

  @Override
  public String toString() {
    return "AddressCounts[used="
        + used
        + ", reserved="
        + reserved
        + ", free="
        + free
        + ", exhaustions="
        + exhaustionEvents()
        + (exhaustions.isEmpty() ? "" : " " + exhaustions)
        + "]";
  }
}
