package io.platformsim.scheduler.framework;

/**
 * A scorer. {@link #score} gives a raw score per feasible node, {@link #normalize} maps the raw
 * scores of all feasible nodes to [0, 100] when the plugin has a NormalizeScore extension. {@code
 * feasible[0..count)} are node indexes in scan order.
 */
public interface ScorePlugin {
  /** Upstream plugin name. */
  String name();

  /** Computes per-pod state from the feasible nodes (upstream PreScore). */
  default void preScore(CycleState state, int[] feasible, int count) {}

  /** Raw score of {@code node}. */
  long score(CycleState state, int node);

  /** Normalizes {@code scores[0..count)} in place; default: none. */
  default void normalize(CycleState state, int[] feasible, long[] scores, int count) {}
}
