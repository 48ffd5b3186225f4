package io.platformsim.scheduler.plugins;

import io.platformsim.scheduler.framework.CycleState;
import io.platformsim.scheduler.framework.ScorePlugin;
import java.util.ArrayList;
import java.util.List;

/**
 * NodeResourcesFit with the RequestedToCapacityRatio strategy, upstream
 * pkg/scheduler/framework/plugins/noderesources/requested_to_capacity_ratio.go and
 * plugins/helper/shape_score.go (v1.31). The shape is a list of (utilization 0..100, score 0..10)
 * points with increasing utilization; scores are scaled ×10. Per resource {@code u = req·100/alloc}
 * (100 if {@code req > alloc}), broken-linear interpolation with integer division; node score
 * {@code round(Σ w·s / Σ w)} over resources whose score is > 0.
 */
public final class RequestedToCapacityRatioScorer implements ScorePlugin {
  /** A shape point (upstream config.UtilizationShapePoint). */
  public record Point(int utilization, int score) {
    /** Validates ranges (upstream validation: utilization 0..100, score 0..10). */
    public Point {
      if (utilization < 0 || utilization > 100) {
        throw new IllegalArgumentException(
            "shape.utilization must be in [0, 100], got " + utilization);
      }
      if (score < 0 || score > 10) {
        throw new IllegalArgumentException("shape.score must be in [0, 10], got " + score);
      }
    }
  }

  private final List<ResourceWeight> resources;
  private final long[] weights;
  private final long[] shapeUtil;
  private final long[] shapeScore;

  /** With resources/weights and a shape. */
  public RequestedToCapacityRatioScorer(List<ResourceWeight> resources, List<Point> shape) {
    ResourceAllocation.checkDimensions(resources);
    if (shape == null || shape.isEmpty()) {
      throw new IllegalArgumentException("requestedToCapacityRatio.shape is empty");
    }
    for (int i = 1; i < shape.size(); i++) {
      if (shape.get(i).utilization() <= shape.get(i - 1).utilization()) {
        throw new IllegalArgumentException(
            "requestedToCapacityRatio.shape utilization values must be strictly increasing, got "
                + shape.get(i - 1).utilization()
                + " then "
                + shape.get(i).utilization());
      }
    }
    this.resources = List.copyOf(resources);
    this.weights = ResourceAllocation.weights(resources);
    this.shapeUtil = new long[shape.size()];
    this.shapeScore = new long[shape.size()];
    for (int i = 0; i < shape.size(); i++) {
      shapeUtil[i] = shape.get(i).utilization();
      shapeScore[i] = shape.get(i).score() * 10L;
    }
  }

  /** Bin-packing shape from the upstream docs: (0, 0), (100, 10). */
  public static List<Point> binPackingShape() {
    return List.of(new Point(0, 0), new Point(100, 10));
  }

  /** Points from utilization/score pairs. */
  public static List<Point> shape(int... utilAndScore) {
    List<Point> ps = new ArrayList<>();
    for (int i = 0; i + 1 < utilAndScore.length; i += 2) {
      ps.add(new Point(utilAndScore[i], utilAndScore[i + 1]));
    }
    return ps;
  }

  /** The resources and weights. */
  public List<ResourceWeight> resources() {
    return resources;
  }

  /** Shape utilizations. */
  long[] shapeUtil() {
    return shapeUtil;
  }

  /** Shape scores ×10. */
  long[] shapeScore() {
    return shapeScore;
  }

  @Override
  public String name() {
    return "NodeResourcesFit/RequestedToCapacityRatio";
  }

  @Override
  public long score(CycleState s, int node) {
    long[] req = new long[resources.size()];
    long[] alloc = new long[resources.size()];
    ResourceAllocation.gather(s.nodes(), s.pod(), node, resources, false, req, alloc);
    return score(req, alloc);
  }

  /** {@code BuildBrokenLinearFunction} evaluated at {@code p}. */
  public long shapeAt(long p) {
    return brokenLinear(shapeUtil, shapeScore, p);
  }

  static long brokenLinear(long[] util, long[] score, long p) {
    for (int i = 0; i < util.length; i++) {
      if (p <= util[i]) {
        if (i == 0) {
          return score[0];
        }
        return score[i - 1]
            + (score[i] - score[i - 1]) * (p - util[i - 1]) / (util[i] - util[i - 1]);
      }
    }
    return score[util.length - 1];
  }

  /** The node score from per-resource requested/allocatable (allocatable 0 = skipped). */
  public long score(long[] requested, long[] allocatable) {
    long nodeScore = 0;
    long weightSum = 0;
    for (int i = 0; i < requested.length; i++) {
      if (allocatable[i] == 0) {
        continue;
      }
      long rs =
          requested[i] > allocatable[i]
              ? shapeAt(100)
              : shapeAt(requested[i] * 100 / allocatable[i]);
      if (rs > 0) {
        nodeScore += rs * weights[i];
        weightSum += weights[i];
      }
    }
    if (weightSum == 0) {
      return 0;
    }
    return Math.round((double) nodeScore / (double) weightSum);
  }
}
