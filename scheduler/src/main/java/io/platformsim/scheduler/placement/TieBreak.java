package io.platformsim.scheduler.placement;

/**
 * Deterministic tie-break: among nodes with the same total score the one with the highest {@code
 * hash(seed, pod tie-break key, node name)} wins, then the lowest index. Upstream breaks ties
 * uniformly at random (reservoir sampling in selectHost); a seeded hash gives the same uniformity
 * while two implementations that scan in different orders still agree exactly.
 */
public final class TieBreak {
  private TieBreak() {}

  /** 64-bit FNV-1a of the UTF-16 chars. */
  public static long stringHash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** The tie-break hash of a pod key hash and a node name hash under {@code seed}. */
  public static long hash(long seed, long podKeyHash, long nodeNameHash) {
    long z = seed + podKeyHash * 0x9E3779B97F4A7C15L + nodeNameHash;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
