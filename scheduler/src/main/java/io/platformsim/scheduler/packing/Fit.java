package io.platformsim.scheduler.packing;

/**
 * The rule that chooses a bin for the next item. Ties always go to the lowest bin index, and a new
 * bin is opened only when no open bin can take the item, so every rule is deterministic.
 */
public enum Fit {
  /** The first (lowest-numbered) open bin the item fits in. */
  FIRST("ff"),
  /**
   * The open bin the item fills most tightly: the smallest residual after placement, ranked by the
   * {@link SizeMeasure} of the normalised residual (in one dimension, the raw residual).
   */
  BEST("bf"),
  /** The open bin with the most room left after placement (the least-loaded bin). */
  WORST("wf"),
  /** Only the most recently opened bin; when the item does not fit there, a new bin. */
  NEXT("nf");

  private final String key;

  Fit(String key) {
    this.key = key;
  }

  /** The short name, for example {@code "ff"}; the decreasing variant appends {@code "d"}. */
  public String key() {
    return key;
  }
}
