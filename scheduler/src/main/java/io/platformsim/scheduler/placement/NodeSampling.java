package io.platformsim.scheduler.placement;

/**
 * How many feasible nodes to find before scoring: upstream {@code percentageOfNodesToScore}
 * (pkg/scheduler/schedule_one.go {@code numFeasibleNodesToFind}, v1.31). {@code percentage == 0} is
 * the adaptive default {@code max(5, 50 − n/125)} %; fewer than 100 nodes are always all scanned
 * and at least 100 feasible nodes are looked for. 100 = exact full scan.
 */
public record NodeSampling(int percentage) {
  /** Upstream minFeasibleNodesToFind. */
  public static final int MIN_FEASIBLE_NODES = 100;

  /** Upstream minFeasibleNodesPercentageToFind. */
  public static final int MIN_FEASIBLE_PERCENTAGE = 5;

  /** Validates. */
  public NodeSampling {
    if (percentage < 0 || percentage > 100) {
      throw new IllegalArgumentException(
          "percentageOfNodesToScore must be in [0, 100], got " + percentage);
    }
  }

  /** Exact full scan. */
  public static NodeSampling fullScan() {
    return new NodeSampling(100);
  }

  /** Upstream adaptive default. */
  public static NodeSampling adaptive() {
    return new NodeSampling(0);
  }

  /** Number of feasible nodes after which the scan stops, for a cluster of {@code numAllNodes}. */
  public int numFeasibleNodesToFind(int numAllNodes) {
    if (numAllNodes < MIN_FEASIBLE_NODES) {
      return numAllNodes;
    }
    int pct = percentage;
    if (pct == 0) {
      pct = 50 - numAllNodes / 125;
      if (pct < MIN_FEASIBLE_PERCENTAGE) {
        pct = MIN_FEASIBLE_PERCENTAGE;
      }
    }
    int num = (int) ((long) numAllNodes * pct / 100);
    return Math.max(num, MIN_FEASIBLE_NODES);
  }

  @Override
  public String toString() {
    return percentage == 100 ? "full-scan" : percentage == 0 ? "adaptive" : percentage + "%";
  }
}
