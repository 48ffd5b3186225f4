package io.platformsim.core.experiment.migration;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A migration plan (issue 18, point 1): which services move in which wave, and the steps each
 * service takes: readiness work, dual running with traffic shifted to KuSP in steps, a bake at
 * 100%, then the LeSP pool drained; a wave may roll back and retry. {@link MigrationTimeline#of}
 * expands it for one replication.
 *
 * <p>The constructor validates every field and throws {@link IllegalArgumentException} naming the
 * field and its value. What depends on the fleet (explicit waves naming every service exactly once,
 * risk scores and calls naming known services) is checked by {@link #waves(List)}.
 *
 * @param start calendar label of month 0 (no effect on the figures)
 * @param waves explicit lists, or an ordering policy and a wave count
 * @param waveSpacing time between wave starts, above 0
 * @param readiness readiness work per service (containerizing) before dual running begins
 * @param trafficSteps KuSP share reached at a time since dual running began: times strictly
 *     increasing, shares non-decreasing, the last share 1; before the first step the share is 0
 * @param bake time at 100% before the LeSP pool is drained, not negative
 * @param rollbackProbability chance that a wave attempt rolls back, in [0, 1]
 * @param rollbackRetry delay from a rollback to the retry, above 0
 * @param forcedRollbacks waves (1-based) whose first attempt rolls back for sure
 * @param risk per-service risk score for {@code least-risky-first} (empty: instances)
 * @param calls call graph, service to the services it calls (for {@code dependency-order})
 * @param horizon how long the timeline runs, above 0
 */
public record MigrationPlan(
    LocalDate start,
    Waves waves,
    Duration waveSpacing,
    DurationDistribution readiness,
    List<TrafficStep> trafficSteps,
    Duration bake,
    double rollbackProbability,
    Duration rollbackRetry,
    Set<Integer> forcedRollbacks,
    Map<String, Double> risk,
    Map<String, List<String>> calls,
    Duration horizon) {

  /** Hours in a month: 730 (AWS's monthly convention, 8,760 h / 12). */
  public static final long HOURS_PER_MONTH = 730;

  /** A month, 730 h. */
  public static final Duration MONTH = Duration.ofHours(HOURS_PER_MONTH);

  /** Validates every field (see the class comment). */
  public MigrationPlan {
    Objects.requireNonNull(start, "start must not be null");
    Objects.requireNonNull(waves, "waves must not be null");
    Objects.requireNonNull(readiness, "readiness must not be null");
    requirePositive("waveSpacing", waveSpacing);
    requirePositive("rollbackRetry", rollbackRetry);
    requirePositive("horizon", horizon);
    Objects.requireNonNull(bake, "bake must not be null");
    if (bake.isNegative()) {
      throw new IllegalArgumentException("bake must not be negative, was " + bake);
    }
    if (!(rollbackProbability >= 0 && rollbackProbability <= 1)) {
      throw new IllegalArgumentException(
          "rollbackProbability must be in [0, 1], was " + rollbackProbability);
    }
    trafficSteps = List.copyOf(Objects.requireNonNull(trafficSteps, "trafficSteps"));
    checkSteps(trafficSteps);
    int waveCount = checkWaves(waves);
    forcedRollbacks = Collections.unmodifiableSet(new TreeSet<>(forcedRollbacks));
    for (int w : forcedRollbacks) {
      if (w < 1 || w > waveCount) {
        throw new IllegalArgumentException(
            "forcedRollbacks names wave " + w + ", but waves are 1.." + waveCount);
      }
    }
    risk = Collections.unmodifiableMap(new TreeMap<>(risk));
    risk.forEach(
        (s, r) -> {
          if (r == null || !Double.isFinite(r)) {
            throw new IllegalArgumentException(
                "risk of '" + s + "' must be a finite number, was " + r);
          }
        });
    TreeMap<String, List<String>> callsCopy = new TreeMap<>();
    calls.forEach((s, c) -> callsCopy.put(s, List.copyOf(c)));
    calls = Collections.unmodifiableMap(callsCopy);
    if (waves instanceof Waves.Ordered o
        && o.policy().equals(DependencyOrder.NAME)
        && calls.isEmpty()) {
      throw new IllegalArgumentException(
          "ordering policy "
              + DependencyOrder.NAME
              + " needs a call graph (calls), the plan has none");
    }
  }

  /**
   * The built-in plan (issue 18, point 4): 4 waves, smallest first, 14 days apart, readiness
   * uniform 2-5 days, one week of dual running (1% at once, 10% after 1 day, 50% after 3 days, 100%
   * after 7 days), 7 days of bake, no rollbacks (retry after 14 days), 365 days reported.
   */
  public static MigrationPlan defaults() {
    return builder().build();
  }

  /** A builder starting from {@link #defaults()}' values. */
  public static Builder builder() {
    return new Builder();
  }

  /** The timeline's horizon in milliseconds. */
  public long horizonMillis() {
    return horizon.toMillis();
  }

  /**
   * The waves for {@code services}: explicit lists as given, or the ordering policy's order cut
   * into {@code min(count, services)} waves of near-equal size (the first {@code n mod count} waves
   * one larger).
   *
   * @throws IllegalArgumentException if explicit waves name an unknown service or leave one out, if
   *     risk scores or calls name an unknown service, or if the policy cannot order them
   */
  public List<List<String>> waves(List<Service> services) {
    Set<String> names = new TreeSet<>();
    services.forEach(s -> names.add(s.name()));
    Set<String> unknownRisk = new TreeSet<>(risk.keySet());
    unknownRisk.removeAll(names);
    if (!unknownRisk.isEmpty()) {
      throw new IllegalArgumentException("risk names services not in the fleet: " + unknownRisk);
    }
    Set<String> unknownCalls = new TreeSet<>();
    calls.forEach(
        (s, c) -> {
          unknownCalls.add(s);
          unknownCalls.addAll(c);
        });
    unknownCalls.removeAll(names);
    if (!unknownCalls.isEmpty()) {
      throw new IllegalArgumentException("calls names services not in the fleet: " + unknownCalls);
    }
    if (waves instanceof Waves.Lists l) {
      Set<String> named = new HashSet<>();
      Set<String> unknown = new TreeSet<>();
      l.waves()
          .forEach(
              w ->
                  w.forEach(
                      s -> {
                        named.add(s);
                        if (!names.contains(s)) {
                          unknown.add(s);
                        }
                      }));
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException("waves name services not in the fleet: " + unknown);
      }
      Set<String> missing = new TreeSet<>(names);
      missing.removeAll(named);
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("waves leave out services: " + missing);
      }
      return l.waves();
    }
    Waves.Ordered o = (Waves.Ordered) waves;
    List<String> order = WaveOrderings.named(o.policy()).order(services, this);
    int count = Math.min(o.count(), order.size());
    for (int w : forcedRollbacks) {
      if (w > count) {
        throw new IllegalArgumentException(
            "forcedRollbacks names wave "
                + w
                + ", but the "
                + order.size()
                + " services make only "
                + count
                + " waves");
      }
    }
    List<List<String>> cut = new ArrayList<>();
    int from = 0;
    for (int w = 0; w < count; w++) {
      int size = order.size() / count + (w < order.size() % count ? 1 : 0);
      cut.add(List.copyOf(order.subList(from, from + size)));
      from += size;
    }
    return List.copyOf(cut);
  }

  /** One line per part, as a plan file would say it (for jshell and logs). */
  @Override
  public String toString() {
    return "MigrationPlan[start "
        + start
        + ", "
        + (waves instanceof Waves.Ordered o
            ? o.count() + " waves " + o.policy()
            : ((Waves.Lists) waves).waves().size() + " explicit waves")
        + " every "
        + waveSpacing.toDays()
        + " d, readiness "
        + readiness
        + ", traffic "
        + trafficSteps.stream().map(s -> s.after().toHours() + " h " + s.kuspShare()).toList()
        + ", bake "
        + bake.toHours()
        + " h, rollback p "
        + rollbackProbability
        + " retry "
        + rollbackRetry.toDays()
        + " d forced "
        + forcedRollbacks
        + (risk.isEmpty() ? "" : ", " + risk.size() + " risk scores")
        + (calls.isEmpty() ? "" : ", calls of " + calls.size() + " services")
        + ", horizon "
        + horizon.toDays()
        + " d]";
  }

  private static void requirePositive(String field, Duration d) {
    Objects.requireNonNull(d, () -> field + " must not be null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be above 0, was " + d);
    }
  }

  private static void checkSteps(List<TrafficStep> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("trafficSteps must not be empty");
    }
    for (int i = 1; i < steps.size(); i++) {
      TrafficStep prev = steps.get(i - 1);
      TrafficStep s = steps.get(i);
      if (s.after().compareTo(prev.after()) <= 0) {
        throw new IllegalArgumentException(
            "trafficSteps[" + i + "].after must be after " + prev.after() + ", was " + s.after());
      }
      if (s.kuspShare() < prev.kuspShare()) {
        throw new IllegalArgumentException(
            "trafficSteps["
                + i
                + "].share must not fall below "
                + prev.kuspShare()
                + ", was "
                + s.kuspShare());
      }
    }
    double last = steps.get(steps.size() - 1).kuspShare();
    if (last != 1.0) {
      throw new IllegalArgumentException(
          "the last traffic step's share must be 1 (all traffic on KuSP), was " + last);
    }
  }

  /** Checks the waves and returns their (upper bound of) count. */
  private static int checkWaves(Waves waves) {
    if (waves instanceof Waves.Ordered o) {
      WaveOrderings.named(o.policy());
      if (o.count() < 1) {
        throw new IllegalArgumentException("ordering waves must be at least 1, was " + o.count());
      }
      return o.count();
    }
    List<List<String>> lists = ((Waves.Lists) waves).waves();
    if (lists.isEmpty()) {
      throw new IllegalArgumentException("waves must list at least one wave");
    }
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int w = 0; w < lists.size(); w++) {
      if (lists.get(w).isEmpty()) {
        throw new IllegalArgumentException("wave " + (w + 1) + " is empty");
      }
      for (String s : lists.get(w)) {
        Integer before = seen.put(s, w + 1);
        if (before != null) {
          throw new IllegalArgumentException(
              "service '" + s + "' is in wave " + before + " and wave " + (w + 1));
        }
      }
    }
    return lists.size();
  }

  /** Builds a plan; starts from the defaults of {@link #defaults()}. */
  public static final class Builder {
    private LocalDate start = LocalDate.of(2027, 1, 1);
    private Waves waves = new Waves.Ordered(SmallestFirst.NAME, 4);
    private Duration waveSpacing = Duration.ofDays(14);
    private DurationDistribution readiness =
        DurationDistribution.uniform(Duration.ofDays(2).toMillis(), Duration.ofDays(5).toMillis());
    private List<TrafficStep> trafficSteps =
        List.of(
            new TrafficStep(Duration.ZERO, 0.01),
            new TrafficStep(Duration.ofDays(1), 0.10),
            new TrafficStep(Duration.ofDays(3), 0.50),
            new TrafficStep(Duration.ofDays(7), 1.0));
    private Duration bake = Duration.ofDays(7);
    private double rollbackProbability = 0;
    private Duration rollbackRetry = Duration.ofDays(14);
    private Set<Integer> forcedRollbacks = Set.of();
    private Map<String, Double> risk = Map.of();
    private Map<String, List<String>> calls = Map.of();
    private Duration horizon = Duration.ofDays(365);

    private Builder() {}

    /** Calendar label of month 0. */
    public Builder start(LocalDate d) {
      this.start = d;
      return this;
    }

    /** Explicit or ordered waves. */
    public Builder waves(Waves w) {
      this.waves = w;
      return this;
    }

    /** Explicit waves, each a list of service names. */
    public Builder waves(List<List<String>> lists) {
      return waves(new Waves.Lists(lists));
    }

    /** Waves by ordering policy {@code policy}, cut into {@code count} waves. */
    public Builder ordering(String policy, int count) {
      return waves(new Waves.Ordered(policy, count));
    }

    /** Time between wave starts. */
    public Builder waveSpacing(Duration d) {
      this.waveSpacing = d;
      return this;
    }

    /** Readiness work per service. */
    public Builder readiness(DurationDistribution d) {
      this.readiness = d;
      return this;
    }

    /** The traffic steps. */
    public Builder trafficSteps(List<TrafficStep> steps) {
      this.trafficSteps = steps;
      return this;
    }

    /** Time at 100% before draining. */
    public Builder bake(Duration d) {
      this.bake = d;
      return this;
    }

    /** Chance of a rollback per wave attempt. */
    public Builder rollbackProbability(double p) {
      this.rollbackProbability = p;
      return this;
    }

    /** Delay before a rolled-back wave retries. */
    public Builder rollbackRetry(Duration d) {
      this.rollbackRetry = d;
      return this;
    }

    /** Waves (1-based) whose first attempt rolls back. */
    public Builder forcedRollbacks(Set<Integer> waves) {
      this.forcedRollbacks = waves;
      return this;
    }

    /** Per-service risk scores. */
    public Builder risk(Map<String, Double> scores) {
      this.risk = scores;
      return this;
    }

    /** The call graph: service to its callees. */
    public Builder calls(Map<String, List<String>> graph) {
      this.calls = graph;
      return this;
    }

    /** How long the timeline runs. */
    public Builder horizon(Duration d) {
      this.horizon = d;
      return this;
    }

    /** The validated plan. */
    public MigrationPlan build() {
      return new MigrationPlan(
          start,
          waves,
          waveSpacing,
          readiness,
          trafficSteps,
          bake,
          rollbackProbability,
          rollbackRetry,
          forcedRollbacks,
          risk,
          calls,
          horizon);
    }
  }
}
