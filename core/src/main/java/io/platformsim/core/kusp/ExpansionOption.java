package io.platformsim.core.kusp;

import io.platformsim.core.workload.Resources;

/**
 * One way to scale up (upstream {@code expander/expander.go} {@code Option}): {@code nodeCount} new
 * nodes of pool {@code pool} would take pods whose requests sum to {@code podRequests}.
 *
 * @param pool index of the node pool in {@link KuspConfig#pools()}
 * @param nodeType the pool's instance type (its capacity and price)
 * @param nodeCount new nodes, at least 1
 * @param pods pending pods they would take, at least 1
 * @param podRequests the sum of those pods' CPU and memory requests
 */
public record ExpansionOption(
    int pool, NodeType nodeType, int nodeCount, int pods, Resources podRequests) {

  /** Validates the counts. */
  public ExpansionOption {
    if (nodeCount < 1 || pods < 1 || pool < 0) {
      throw new IllegalArgumentException(
          "expansion option needs pool >= 0, nodeCount >= 1 and pods >= 1, was pool "
              + pool
              + ", "
              + nodeCount
              + " nodes, "
              + pods
              + " pods");
    }
    if (nodeType == null || podRequests == null) {
      throw new IllegalArgumentException("expansion option nodeType and podRequests are required");
    }
  }
}
