package io.platformsim.core.experiment.migration;

import io.platformsim.core.engine.DurationSampler;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A plan expanded with one replication's draws: contiguous segments from 0 to the plan's horizon,
 * and what happened to each wave.
 *
 * @param segments contiguous, non-empty, from 0 to the horizon
 * @param waves one outcome per wave, in wave order
 */
public record MigrationTimeline(List<Segment> segments, List<WaveOutcome> waves) {

  /** Stream of readiness draws (one per service, in wave order). */
  public static final String READINESS_STREAM = "migration.readiness";

  /** Stream of rollback draws (one per wave attempt). */
  public static final String ROLLBACK_STREAM = "migration.rollback";

  /** Copies the lists. */
  public MigrationTimeline {
    segments = List.copyOf(segments);
    waves = List.copyOf(waves);
  }

  /**
   * Expands {@code plan} for the scenario's services, drawing readiness times and rollbacks from
   * the streams {@value #READINESS_STREAM} and {@value #ROLLBACK_STREAM} of {@code streams}.
   *
   * <p>The rules, per wave {@code w} (1-based) of {@link MigrationPlan#waves(List)}:
   *
   * <ol>
   *   <li>The wave starts at {@code (w - 1) * waveSpacing}. Waves are independent teams: a rollback
   *       of one wave delays only that wave, never the next one.
   *   <li>Each of its services draws its readiness work (in wave order, then in the wave's service
   *       order), rounded up to whole days ({@link #wholeDays}), and begins dual running when it is
   *       done: {@code DUAL} at each traffic step's share from the step's time on (share 0 before
   *       the first step).
   *   <li>The wave's go/no-go is when its last service reaches the last traffic step (100%). There
   *       one rollback draw is taken per attempt; the attempt rolls back if the draw is below
   *       {@code rollbackProbability} or if it is the wave's first attempt and the wave is in
   *       {@code forcedRollbacks}.
   *   <li>Rolled back: every service of the wave goes back to {@code ON_LESP} (traffic back, the
   *       KuSP side torn down) at the go/no-go, and all of them begin dual running again {@code
   *       rollbackRetry} later (readiness work is not redone), through the same steps.
   *   <li>Not rolled back: each service's LeSP pool is drained ({@code ON_KUSP}) after {@code bake}
   *       at 100%, but not before the wave's go/no-go (so a rollback never has to redeploy on
   *       LeSP).
   * </ol>
   *
   * <p>Segments start at 0 and at every instant before the horizon where some service changes
   * state; consecutive equal states are merged. Attempts stop once a retry would begin at or after
   * the horizon (that wave's {@code doneMillis} is then {@code Long.MAX_VALUE}).
   *
   * @throws IllegalArgumentException if the plan does not fit the scenario's services (see {@link
   *     MigrationPlan#waves(List)})
   */
  public static MigrationTimeline of(Scenario scenario, MigrationPlan plan, RandomStreams streams) {
    List<Service> services = scenario.workload().services();
    List<List<String>> waves = plan.waves(services);
    DurationSampler readiness = plan.readiness().sampler(streams.stream(READINESS_STREAM));
    RandomGenerator rollback = streams.stream(ROLLBACK_STREAM);
    long horizon = plan.horizonMillis();
    long spacing = plan.waveSpacing().toMillis();
    long bake = plan.bake().toMillis();
    long retry = plan.rollbackRetry().toMillis();
    List<TrafficStep> steps = plan.trafficSteps();
    long lastStep = steps.get(steps.size() - 1).after().toMillis();

    // All state changes: time -> service -> new state (a later put at the same time wins).
    TreeMap<Long, Map<String, ServiceState>> changes = new TreeMap<>();
    List<WaveOutcome> outcomes = new ArrayList<>();
    for (int w = 0; w < waves.size(); w++) {
      List<String> wave = waves.get(w);
      long waveStart = w * spacing;
      Map<String, Long> dualStart = new LinkedHashMap<>();
      for (String s : wave) {
        dualStart.put(s, saturatedAdd(waveStart, wholeDays(readiness.next())));
      }
      int rollbacks = 0;
      long done = Long.MAX_VALUE;
      while (true) {
        long goNoGo = Long.MIN_VALUE;
        for (Map.Entry<String, Long> e : dualStart.entrySet()) {
          long begin = e.getValue();
          for (TrafficStep step : steps) {
            put(
                changes,
                saturatedAdd(begin, step.after().toMillis()),
                e.getKey(),
                ServiceState.dual(step.kuspShare()));
          }
          if (steps.get(0).after().toMillis() > 0) {
            put(changes, begin, e.getKey(), ServiceState.dual(0));
          }
          goNoGo = Math.max(goNoGo, saturatedAdd(begin, lastStep));
        }
        double draw = rollback.nextDouble();
        boolean rolledBack =
            draw < plan.rollbackProbability()
                || (rollbacks == 0 && plan.forcedRollbacks().contains(w + 1));
        if (!rolledBack) {
          for (Map.Entry<String, Long> e : dualStart.entrySet()) {
            long drain = Math.max(saturatedAdd(saturatedAdd(e.getValue(), lastStep), bake), goNoGo);
            put(changes, drain, e.getKey(), ServiceState.ON_KUSP);
          }
          done = maxDrain(dualStart, lastStep, bake, goNoGo);
          break;
        }
        rollbacks++;
        for (String s : wave) {
          put(changes, goNoGo, s, ServiceState.ON_LESP);
        }
        long again = saturatedAdd(goNoGo, retry);
        if (again >= horizon) {
          break;
        }
        for (String s : wave) {
          dualStart.put(s, again);
        }
      }
      outcomes.add(new WaveOutcome(w + 1, wave, waveStart, done, rollbacks));
    }
    return new MigrationTimeline(segments(services, changes, horizon), outcomes);
  }

  /**
   * The state at {@code millis} (0 = the plan's start).
   *
   * @throws IllegalArgumentException if {@code millis} is outside [0, horizon)
   */
  public MigrationState stateAt(long millis) {
    for (Segment s : segments) {
      if (millis >= s.startMillis() && millis < s.endMillis()) {
        return s.state();
      }
    }
    throw new IllegalArgumentException(
        "time "
            + millis
            + " ms is outside the timeline [0, "
            + segments.get(segments.size() - 1).endMillis()
            + ")");
  }

  private static long maxDrain(Map<String, Long> dualStart, long lastStep, long bake, long goNoGo) {
    long done = goNoGo;
    for (long begin : dualStart.values()) {
      done = Math.max(done, saturatedAdd(saturatedAdd(begin, lastStep), bake));
    }
    return done;
  }

  private static void put(
      TreeMap<Long, Map<String, ServiceState>> changes, long at, String service, ServiceState s) {
    changes.computeIfAbsent(at, t -> new LinkedHashMap<>()).put(service, s);
  }

  /** The segments from 0 to the horizon: one per run of equal states. */
  private static List<Segment> segments(
      List<Service> services, TreeMap<Long, Map<String, ServiceState>> changes, long horizon) {
    TreeMap<String, ServiceState> now = new TreeMap<>();
    services.forEach(s -> now.put(s.name(), ServiceState.ON_LESP));
    List<Segment> segments = new ArrayList<>();
    long from = 0;
    MigrationState current = new MigrationState(now);
    for (Map.Entry<Long, Map<String, ServiceState>> e : changes.headMap(horizon).entrySet()) {
      now.putAll(e.getValue());
      MigrationState next = new MigrationState(now);
      long at = e.getKey();
      if (next.equals(current)) {
        continue;
      }
      if (at > from) {
        segments.add(new Segment(from, at, current));
        from = at;
      }
      current = next;
    }
    segments.add(new Segment(from, horizon, current));
    return segments;
  }

  /** a + b for non-negative b, saturating at Long.MAX_VALUE instead of wrapping. */
  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return r < a ? Long.MAX_VALUE : r;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("MigrationTimeline[");
    sb.append(segments.size()).append(" segments, waves=");
    for (WaveOutcome w : waves) {
      sb.append("\n  wave ")
          .append(w.wave())
          .append(' ')
          .append(w.services())
          .append(" start ")
          .append(w.startMillis())
          .append(" ms, done ")
          .append(w.doneMillis() == Long.MAX_VALUE ? "never" : w.doneMillis() + " ms")
          .append(", rollbacks ")
          .append(w.rollbacks());
    }
    return sb.append(']').toString();
  }

  /**
   * {@code millis} rounded up to whole days: readiness work ends at a day's boundary (a team
   * switches traffic on a working day; a month's figures cannot see the hours), so the services of
   * a wave change state on shared days and the runner evaluates a few dozen distinct states instead
   * of one per service and step.
   */
  static long wholeDays(long millis) {
    long day = Duration.ofDays(1).toMillis();
    return millis <= 0 ? 0 : ((millis - 1) / day + 1) * day;
  }
}
