package io.platformsim.core.experiment;

import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.SyntheticFleet;

/**
 * The heap a {@link Comparison} of a scenario is estimated to need, and the preflight that refuses
 * a scenario which would not fit, before any platform is built: the one rule of {@link
 * SyntheticFleet#checkHeap(long, long, long)} (measured bytes per KuSP pod and per LeSP machine
 * plus a base, the rule {@code ScaleRun} applies), applied to the scenario's starting size.
 *
 * <p>One replication holds a KuSP cluster of {@link #pods} pods (every instance, plus a DaemonSet
 * pod per initial node and DaemonSet) and a LeSP fleet of {@link #machines} machines (every
 * service's pool, headroom included); the comparison runs {@link #concurrentReplications} of them
 * at once. Counted as held together: a replication builds its platforms one after the other, but
 * when the first becomes garbage is up to the collector. Growth during the run (autoscaling) is not
 * counted; the per-pod and per-machine budgets carry about three times the measured need.
 *
 * <pre>{@code
 * ScenarioMemory.check(scenario);   // IllegalArgumentException "not enough memory: ..." if too big
 * }</pre>
 */
public final class ScenarioMemory {

  private ScenarioMemory() {}

  /** KuSP pods of one replication at the start: instances plus DaemonSet pods on initial nodes. */
  public static long pods(Scenario s) {
    return s.workload().instances()
        + (long) s.kusp().totalInitialNodes() * s.kusp().daemonSets().size();
  }

  /** LeSP machines of one replication at the start: every service's pool, with its headroom. */
  public static long machines(Scenario s) {
    long n = 0;
    for (Service service : s.workload().services()) {
      n += s.lesp().poolSize(service);
    }
    return n;
  }

  /**
   * Replications a {@link Comparison} runs at once on this machine: one per processor, at most the
   * scenario's replications (as {@code Replications.run} sizes its pool).
   */
  public static int concurrentReplications(Scenario s) {
    return Math.min(Runtime.getRuntime().availableProcessors(), s.replications());
  }

  /** {@link #check(Scenario, int, long)} on this machine and this JVM's maximum heap. */
  public static void check(Scenario s) {
    check(s, concurrentReplications(s), Runtime.getRuntime().maxMemory());
  }

  /**
   * Refuses {@code s} if {@code concurrent} replications of it would not fit in {@code
   * maxHeapBytes} by {@link SyntheticFleet#checkHeap(long, long, long)}.
   *
   * @throws IllegalArgumentException one line naming the scenario, the estimate and the heap
   */
  public static void check(Scenario s, int concurrent, long maxHeapBytes) {
    if (concurrent < 1) {
      throw new IllegalArgumentException("concurrent must be at least 1, was " + concurrent);
    }
    try {
      SyntheticFleet.checkHeap(pods(s) * concurrent, machines(s) * concurrent, maxHeapBytes);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "scenario '"
              + s.name()
              + "' ("
              + concurrent
              + (concurrent == 1 ? " replication" : " replications")
              + " at once): "
              + e.getMessage(),
          e);
    }
  }
}
