package io.platformsim.core.kusp;

/**
 * The size one Kubernetes cluster is built for: at most {@link #maxNodes} nodes and {@link
 * #maxPods} pods. A fleet past it is run as several clusters, as platform teams do; each cluster
 * has its own control plane, so clusters are independent simulations.
 *
 * <p>{@link #UPSTREAM} is the envelope Kubernetes is tested to (kubernetes.io, "Considerations for
 * large clusters", v1.31: no more than 5,000 nodes, 150,000 total pods, 300,000 total containers,
 * 110 pods per node). Why it matters for a model and not only for realism: kube-scheduler scores a
 * share of the nodes per cycle ({@code percentageOfNodesToScore}, adaptive {@code 50 − nodes/125}
 * percent with a 5% floor), so one cluster of N nodes costs O(N) per placement past 5,000 nodes,
 * while clusters inside the envelope keep the cost per placement bounded.
 *
 * <pre>{@code
 * ClusterEnvelope.UPSTREAM.clustersFor(15_560, 100_000);   // 4
 * }</pre>
 *
 * @param maxNodes nodes per cluster, at least 1
 * @param maxPods pods per cluster, at least 1
 */
public record ClusterEnvelope(int maxNodes, int maxPods) {

  /**
   * 5,000 nodes and 150,000 pods per cluster (kubernetes.io, "Considerations for large clusters").
   */
  public static final ClusterEnvelope UPSTREAM = new ClusterEnvelope(5_000, 150_000);

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException naming the field if a limit is below 1
   */
  public ClusterEnvelope {
    if (maxNodes < 1) {
      throw new IllegalArgumentException("maxNodes must be at least 1, was " + maxNodes);
    }
    if (maxPods < 1) {
      throw new IllegalArgumentException("maxPods must be at least 1, was " + maxPods);
    }
  }

  /**
   * The fewest clusters inside this envelope that hold {@code nodes} nodes and {@code pods} pods
   * between them: {@code max(⌈nodes ÷ maxNodes⌉, ⌈pods ÷ maxPods⌉)}, at least 1.
   *
   * @throws IllegalArgumentException naming the argument if it is negative
   */
  public int clustersFor(long nodes, long pods) {
    if (nodes < 0) {
      throw new IllegalArgumentException("nodes must not be negative, was " + nodes);
    }
    if (pods < 0) {
      throw new IllegalArgumentException("pods must not be negative, was " + pods);
    }
    long byNodes = (nodes + maxNodes - 1) / maxNodes;
    long byPods = (pods + maxPods - 1) / maxPods;
    return (int) Math.max(1, Math.max(byNodes, byPods));
  }

  @Override
  public String toString() {
    return "ClusterEnvelope[≤" + maxNodes + " nodes, ≤" + maxPods + " pods]";
  }
}
