package io.platformsim.core.kusp.autoscaling;

import java.util.ArrayList;
import java.util.List;

/**
 * The scale-ups (or scale-downs) an HPA has made recently, as k/k v1.31 {@code horizontal.go} keeps
 * them ({@code storeScaleEvent}, {@code getReplicasChangePerPeriod}), and the limits the scaling
 * policies derive from them ({@code calculateScaleUpLimitWithScalingRules}, {@code
 * calculateScaleDownLimitWithBehaviors}). Immutable: {@link #record} returns the next value.
 *
 * @param events the events, oldest first
 */
public record ScaleEvents(List<Event> events) {

  /**
   * One scaling of the target.
   *
   * @param atMillis when
   * @param change replicas added or removed (positive)
   */
  public record Event(long atMillis, int change) {}

  /** Copies the list. */
  public ScaleEvents {
    events = List.copyOf(events);
  }

  /** No events. */
  public static ScaleEvents none() {
    return new ScaleEvents(List.of());
  }

  /**
   * These events plus a new one; events older than the rules' longest policy period are dropped
   * (upstream marks them outdated and reuses their slot: none of them counts any more).
   */
  public ScaleEvents record(long nowMillis, int change, ScalingRules rules) {
    long cutoff = nowMillis - rules.longestPeriodMillis();
    List<Event> out = new ArrayList<>();
    for (Event e : events) {
      if (e.atMillis() >= cutoff) {
        out.add(e);
      }
    }
    out.add(new Event(nowMillis, change));
    return new ScaleEvents(out);
  }

  /** {@code getReplicasChangePerPeriod}: the changes made strictly after {@code now − period}. */
  public int changeInPeriod(long periodMillis, long nowMillis) {
    long cutoff = nowMillis - periodMillis;
    int sum = 0;
    for (Event e : events) {
      if (e.atMillis() > cutoff) {
        sum += e.change();
      }
    }
    return sum;
  }

  /** The replicas at the start of {@code p}'s period: {@code current − ups + downs} within it. */
  private static int replicasAtPeriodStart(
      int currentReplicas,
      ScaleEvents ups,
      ScaleEvents downs,
      ScalingRules.Policy p,
      long nowMillis) {
    return currentReplicas
        - ups.changeInPeriod(p.periodMillis(), nowMillis)
        + downs.changeInPeriod(p.periodMillis(), nowMillis);
  }

  /**
   * {@code calculateScaleUpLimitWithScalingRules}: each policy allows its value (pods) or {@code
   * ⌈start · (1 + value/100)⌉} (percent) over the replicas at the start of its period ({@code
   * current − ups + downs} in that period); MAX takes the largest, MIN the smallest; DISABLED
   * allows none.
   */
  public static int scaleUpLimit(
      int currentReplicas, ScaleEvents ups, ScaleEvents downs, ScalingRules rules, long nowMillis) {
    if (rules.selectPolicy() == ScalingRules.SelectPolicy.DISABLED) {
      return currentReplicas;
    }
    boolean max = rules.selectPolicy() == ScalingRules.SelectPolicy.MAX;
    long result = max ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    for (ScalingRules.Policy p : rules.policies()) {
      int start = replicasAtPeriodStart(currentReplicas, ups, downs, p, nowMillis);
      long proposed =
          p.percent()
              ? (long) Math.ceil(start * (1 + p.value() / 100.0))
              : (long) start + p.value();
      result = max ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return (int) result;
  }

  /**
   * {@code calculateScaleDownLimitWithBehaviors}: each policy allows {@code start − value} (pods)
   * or {@code ⌊start · (1 − value/100)⌋} (percent, truncated); MAX (the largest change) takes the
   * smallest, MIN the largest; DISABLED allows none.
   */
  public static int scaleDownLimit(
      int currentReplicas, ScaleEvents ups, ScaleEvents downs, ScalingRules rules, long nowMillis) {
    if (rules.selectPolicy() == ScalingRules.SelectPolicy.DISABLED) {
      return currentReplicas;
    }
    boolean largestChange = rules.selectPolicy() == ScalingRules.SelectPolicy.MAX;
    long result = largestChange ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    for (ScalingRules.Policy p : rules.policies()) {
      int start = replicasAtPeriodStart(currentReplicas, ups, downs, p, nowMillis);
      long proposed =
          p.percent() ? (long) (start * (1 - p.value() / 100.0)) : (long) start - p.value();
      result = largestChange ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return (int) result;
  }
}
