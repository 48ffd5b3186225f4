package io.platformsim.core.lesp;

/**
 * How many machines a rolling step changes at once: a fixed number or a percentage of the pool. A
 * percentage rounds up (10% of 45 machines is 5), so a batch is never empty.
 *
 * @param value machines (if {@code percent} is false) or percent of the pool, at least 1
 * @param percent whether {@code value} is a percentage (then at most 100)
 */
public record BatchSize(int value, boolean percent) {

  /** Validates the value. */
  public BatchSize {
    if (value < 1) {
      throw new IllegalArgumentException(
          "batch size must be >= 1, was " + value + (percent ? "%" : ""));
    }
    if (percent && value > 100) {
      throw new IllegalArgumentException("batch size percent must be <= 100, was " + value + "%");
    }
  }

  /** Batches of {@code n} machines. */
  public static BatchSize machines(int n) {
    return new BatchSize(n, false);
  }

  /** Batches of {@code p}% of the pool, rounded up. */
  public static BatchSize percent(int p) {
    return new BatchSize(p, true);
  }

  /**
   * The batch size in machines for a pool of {@code poolSize}.
   *
   * @throws IllegalArgumentException if a fixed size exceeds the pool, naming both
   */
  public int machinesFor(int poolSize) {
    if (poolSize < 1) {
      throw new IllegalArgumentException("pool size must be >= 1, was " + poolSize);
    }
    if (!percent) {
      if (value > poolSize) {
        throw new IllegalArgumentException(
            "batch size " + value + " is above the pool size " + poolSize);
      }
      return value;
    }
    return (int) ((poolSize * (long) value + 99) / 100);
  }

  @Override
  public String toString() {
    return percent ? value + "%" : value + " machines";
  }
}
