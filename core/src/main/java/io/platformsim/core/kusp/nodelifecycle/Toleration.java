package io.platformsim.core.kusp.nodelifecycle;

/**
 * A pod's toleration of a node taint, reduced to what NoExecute eviction reads (k/k {@code core/v1
 * Toleration}; the operator is taken as {@code Exists}, values are not modelled).
 *
 * @param key taint key, or {@code ""} for every key
 * @param effect taint effect, or {@code null} for every effect
 * @param seconds {@code tolerationSeconds}, or {@code null} for "forever"
 */
public record Toleration(String key, Effect effect, Long seconds) {

  /** Taint key of a node whose Ready condition is False (k/k core/v1 {@code TaintNodeNotReady}). */
  public static final String NOT_READY = "node.kubernetes.io/not-ready";

  /**
   * Taint key of a node whose Ready condition is Unknown (k/k core/v1 {@code
   * TaintNodeUnreachable}).
   */
  public static final String UNREACHABLE = "node.kubernetes.io/unreachable";

  /** Taint effects. */
  public enum Effect {
    /** Pods that do not tolerate it are not scheduled there. */
    NO_SCHEDULE,
    /** The scheduler tries to avoid the node. */
    PREFER_NO_SCHEDULE,
    /** Pods that do not tolerate it are evicted (after their toleration seconds). */
    NO_EXECUTE
  }

  /** Validates the key. */
  public Toleration {
    if (key == null) {
      throw new IllegalArgumentException(
          "toleration key must not be null (use \"\" for every key)");
    }
  }

  /** A NoExecute toleration of {@code key} for {@code seconds} ({@code null}: forever). */
  public static Toleration noExecute(String key, Long seconds) {
    return new Toleration(key, Effect.NO_EXECUTE, seconds);
  }

  /** Whether it tolerates a taint of {@code taintKey} with {@code taintEffect}. */
  public boolean tolerates(String taintKey, Effect taintEffect) {
    return (key.isEmpty() || key.equals(taintKey)) && (effect == null || effect == taintEffect);
  }

  @Override
  public String toString() {
    return (key.isEmpty() ? "*" : key)
        + ":"
        + (effect == null ? "*" : effect)
        + (seconds == null ? "" : " for " + seconds + " s");
  }
}
