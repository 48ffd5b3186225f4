package io.platformsim.core.kusp.nodelifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * How long a pod stays on a node tainted NoExecute: the tolerations the {@code
 * DefaultTolerationSeconds} admission plugin adds to every pod, and the taint eviction controller's
 * delay.
 */
public final class NoExecuteTolerations {

  /**
   * {@code --default-not-ready-toleration-seconds} and {@code
   * --default-unreachable-toleration-seconds}: 300 s (k/k v1.31 {@code
   * plugin/pkg/admission/defaulttolerationseconds/admission.go}).
   */
  public static final long DEFAULT_TOLERATION_SECONDS = 300;

  private NoExecuteTolerations() {}

  /**
   * {@code DefaultTolerationSeconds} admission ({@code Admit}): adds {@code not-ready:NoExecute for
   * 300 s} unless some toleration already covers that key (same key or empty key) with effect
   * NoExecute or any effect, and likewise {@code unreachable:NoExecute for 300 s}. The pod's own
   * tolerations come first, unchanged.
   */
  public static List<Toleration> admit(List<Toleration> tolerations) {
    return admit(tolerations, DEFAULT_TOLERATION_SECONDS, DEFAULT_TOLERATION_SECONDS);
  }

  /** {@link #admit(List)} with the two flag values given. */
  public static List<Toleration> admit(
      List<Toleration> tolerations, long notReadySeconds, long unreachableSeconds) {
    boolean notReady = false;
    boolean unreachable = false;
    for (Toleration t : tolerations) {
      notReady |= t.tolerates(Toleration.NOT_READY, Toleration.Effect.NO_EXECUTE);
      unreachable |= t.tolerates(Toleration.UNREACHABLE, Toleration.Effect.NO_EXECUTE);
    }
    List<Toleration> out = new ArrayList<>(tolerations);
    if (!notReady) {
      out.add(Toleration.noExecute(Toleration.NOT_READY, notReadySeconds));
    }
    if (!unreachable) {
      out.add(Toleration.noExecute(Toleration.UNREACHABLE, unreachableSeconds));
    }
    return List.copyOf(out);
  }

  /**
   * How long after a NoExecute taint of {@code taintKey} the pod is deleted (k/k v1.31 {@code
   * pkg/controller/tainteviction/taint_eviction.go}: {@code GetMatchingTolerations} then {@code
   * getMinTolerationTime}): 0 when no toleration matches; otherwise the smallest {@code
   * tolerationSeconds} among the matching ones, 0 if that is 0 or negative; -1 (never) when every
   * matching toleration is forever.
   *
   * @return the delay in milliseconds, or -1 for never
   */
  public static long evictionDelayMillis(List<Toleration> tolerations, String taintKey) {
    List<Toleration> matching = new ArrayList<>();
    for (Toleration t : tolerations) {
      if (t.tolerates(taintKey, Toleration.Effect.NO_EXECUTE)) {
        matching.add(t);
      }
    }
    if (matching.isEmpty()) {
      return 0;
    }
    long min = Long.MAX_VALUE;
    for (Toleration t : matching) {
      if (t.seconds() != null) {
        if (t.seconds() <= 0) {
          return 0;
        }
        min = Math.min(min, t.seconds());
      }
    }
    return min == Long.MAX_VALUE ? -1 : min * 1000;
  }
}
