package io.platformsim.scheduler.plugins;

import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.ScorePlugin;
import io.platformsim.scheduler.pod.Container;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.state.NodeTable;

/**
 * ImageLocality, upstream pkg/scheduler/framework/plugins/imagelocality/image_locality.go (v1.31):
 * for every (init) container whose image the node has, add {@code int64(float64(size) ·
 * (float64(nodesWithImage) / float64(totalNodes)))}; clamp the sum to [23 MiB, 1000 MiB ×
 * #containers]; score {@code 100 · (sum − min) / (max − min)}. No normalization. Image names are
 * compared as given (upstream normalizes a missing tag to {@code :latest}).
 */
public final class ImageLocalityScorer implements ScorePlugin {
  /** 1 MiB. */
  public static final long MB = 1024L * 1024;

  /** Lower clamp. */
  public static final long MIN_THRESHOLD = 23 * MB;

  /** Upper clamp per container. */
  public static final long MAX_CONTAINER_THRESHOLD = 1000 * MB;

  @Override
  public String name() {
    return "ImageLocality";
  }

  @Override
  public long score(CycleState s, int node) {
    NodeTable t = s.nodes();
    PodSpec pod = s.pod();
    long sum = 0;
    for (Container c : pod.initContainers()) {
      sum += scaled(t, node, c.image());
    }
    for (Container c : pod.containers()) {
      sum += scaled(t, node, c.image());
    }
    return calculatePriority(sum, pod.initContainers().size() + pod.containers().size());
  }

  private static long scaled(NodeTable t, int node, String image) {
    if (image == null) {
      return 0;
    }
    Long size = t.node(node).images().get(image);
    if (size == null) {
      return 0;
    }
    return scaledImageScore(size, t.imageNodeCount(image), t.size());
  }

  /** {@code scaledImageScore}. */
  public static long scaledImageScore(long size, int numNodes, int totalNodes) {
    double spread = (double) numNodes / (double) totalNodes;
    return (long) ((double) size * spread);
  }

  /** {@code calculatePriority}. */
  public static long calculatePriority(long sumScores, int numContainers) {
    long maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
    if (sumScores < MIN_THRESHOLD) {
      sumScores = MIN_THRESHOLD;
    } else if (sumScores > maxThreshold) {
      sumScores = maxThreshold;
    }
    return 100 * (sumScores - MIN_THRESHOLD) / (maxThreshold - MIN_THRESHOLD);
  }
}
