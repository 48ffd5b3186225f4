package io.platformsim.core.kusp.autoscaling;

/**
 * One pod of the scale target as the HPA's resource-metric calculation sees it (k/k v1.31 {@code
 * pkg/controller/podautoscaler/replica_calculator.go groupPods}).
 *
 * <p>{@link Kind#IGNORED}: deleted (terminating) or Failed pods. {@link Kind#UNREADY}: Pending
 * pods, whatever their metric (upstream's comment says "Pending pods are ignored", but its code
 * inserts them into {@code unreadyPods} before looking at metrics: give them any usage, it is not
 * read), and for CPU a pod still in its {@code
 * --horizontal-pod-autoscaler-cpu-initialization-period} (5 min) whose readiness or metric is not
 * yet trustworthy, or one that is not Ready and has never been Ready since its {@code
 * --horizontal-pod-autoscaler-initial-readiness-delay} (30 s) after start; the caller decides, as
 * the model knows its pods' history. A running pod without a metric is missing ({@link #MISSING})
 * whatever its readiness. Anything else is {@link Kind#READY}.
 *
 * @param kind how the pod counts
 * @param requestMilli the pod's CPU request (sum over containers), at least 1
 * @param usageMilli measured usage, or {@link #MISSING} when the metrics API has none for it
 */
public record PodSample(Kind kind, long requestMilli, long usageMilli) {

  /** Usage of a pod without a metric. */
  public static final long MISSING = -1;

  /** How a pod counts. */
  public enum Kind {
    /** Counted with its metric. */
    READY,
    /** Left out, then counted as using 0 when that would scale up. */
    UNREADY,
    /** Not counted at all. */
    IGNORED
  }

  /** Validates the fields. */
  public PodSample {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    if (requestMilli < 1) {
      throw new IllegalArgumentException(
          "missing request: CPU request must be >= 1m, was " + requestMilli);
    }
    if (usageMilli < MISSING) {
      throw new IllegalArgumentException("usage must be >= 0 or MISSING, was " + usageMilli);
    }
  }

  /** A ready pod with a metric. */
  public static PodSample ready(long requestMilli, long usageMilli) {
    return new PodSample(Kind.READY, requestMilli, usageMilli);
  }

  /** Whether the metrics API returned a value for it. */
  public boolean hasMetric() {
    return usageMilli != MISSING;
  }

  @Override
  public String toString() {
    return kind + " " + (hasMetric() ? usageMilli + "m" : "?") + "/" + requestMilli + "m";
  }
}
