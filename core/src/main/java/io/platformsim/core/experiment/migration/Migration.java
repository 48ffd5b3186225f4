package io.platformsim.core.experiment.migration;

import io.platformsim.core.engine.Estimate;
import io.platformsim.core.engine.Observation;
import io.platformsim.core.engine.ObservationModel;
import io.platformsim.core.engine.ReplicationResult;
import io.platformsim.core.engine.Replications;
import io.platformsim.core.experiment.PartialFleet;
import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.workload.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link MigrationPlan} on a {@link Scenario}: months of migration without simulating
 * months.
 *
 * <p>Per replication {@code i} (streams {@code RandomStreams.of(seed, i)}, so replication i is the
 * same on any thread): the plan is expanded into segments ({@link MigrationTimeline#of}, drawing
 * readiness times and rollbacks); each distinct state is evaluated once in steady state ({@link
 * SteadyState}: both platforms in one simulation, a warm-up and a short window) and the segments
 * are added up per month of 730 h, with the baselines, break-even, peak overlap and total migration
 * cost ({@link MigrationLedger} defines them). Quiet months cost no events: a replication simulates
 * one steady state of 45 simulated minutes per distinct state, whatever the horizon. As each
 * service draws its own readiness time, its traffic steps and drain fall at their own times: about
 * services × (traffic steps + 1) states (301 segments in replication 0 of the built-in scenario's
 * 60 services under the default plan).
 *
 * <p>Replications run in parallel ({@link Replications#observe}); each figure is an {@link
 * Estimate} over them. The same seed gives the same result on any number of threads.
 *
 * <pre>{@code
 * MigrationResult r = Migration.run(DefaultScenario.build(), MigrationPlan.defaults(), 2);
 * System.out.println(r);                  // a row per month
 * r.breakEvenMonth();                     // null if no replication broke even
 * }</pre>
 */
public final class Migration {

  private static final String BREAK_EVEN = "breakEvenMonth";
  private static final String PEAK = "peakOverlapCostPerHour";
  private static final String TOTAL = "totalMigrationCostUsd";

  private Migration() {}

  /** Runs {@code plan} on {@code scenario} with the scenario's replications and seed. */
  public static MigrationResult run(Scenario scenario, MigrationPlan plan) {
    return run(scenario, plan, scenario.replications());
  }

  /** Runs {@code plan} on {@code scenario} with {@code replications} on all processors. */
  public static MigrationResult run(Scenario scenario, MigrationPlan plan, int replications) {
    return run(scenario, plan, replications, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Runs {@code plan} on {@code scenario} with {@code replications} replications of the scenario's
   * seed on up to {@code threads} threads; the result does not depend on {@code threads}.
   *
   * @throws IllegalArgumentException if {@code replications} or {@code threads} is below 1, or the
   *     plan does not fit the scenario's services (naming what)
   */
  public static MigrationResult run(
      Scenario scenario, MigrationPlan plan, int replications, int threads) {
    if (scenario == null || plan == null) {
      throw new IllegalArgumentException("scenario and plan must not be null");
    }
    List<String> services = new ArrayList<>();
    for (Service s : scenario.workload().services()) {
      services.add(s.name());
    }
    MigrationState lespOnly = MigrationState.allOnLesp(services);
    MigrationState kuspOnly = MigrationState.allOnKusp(services);
    AtomicReference<List<Segment>> first = new AtomicReference<>();
    ObservationModel model =
        streams -> {
          MigrationTimeline timeline = MigrationTimeline.of(scenario, plan, streams);
          SteadyState steady = new SteadyState(scenario, streams);
          long firstWave = Long.MAX_VALUE;
          for (WaveOutcome w : timeline.waves()) {
            firstWave = Math.min(firstWave, w.startMillis());
          }
          long horizon = timeline.segments().get(timeline.segments().size() - 1).endMillis();
          MigrationLedger ledger =
              MigrationLedger.of(
                  timeline.segments(),
                  steady::of,
                  steady.of(lespOnly),
                  steady.of(kuspOnly),
                  Math.min(firstWave, horizon));
          if (streams.replication() == 0) {
            first.set(timeline.segments());
          }
          Map<String, Observation> out = new LinkedHashMap<>();
          for (int m = 0; m < ledger.months().length; m++) {
            for (MigrationLedger.Column c : MigrationLedger.Column.values()) {
              out.put(key(m, c), Observation.observed(ledger.months()[m][c.ordinal()]));
            }
          }
          if (!Double.isNaN(ledger.breakEvenMonth())) {
            out.put(BREAK_EVEN, Observation.observed(ledger.breakEvenMonth()));
          }
          out.put(PEAK, Observation.observed(ledger.peakOverlapCostPerHour()));
          out.put(TOTAL, Observation.observed(ledger.totalMigrationCostUsd()));
          return out;
        };
    ReplicationResult r = Replications.observe(scenario.seed(), replications, threads, model);
    List<MonthRow> months = new ArrayList<>();
    for (int m = 0;
        r.observations().get(0).containsKey(key(m, MigrationLedger.Column.values()[0]));
        m++) {
      months.add(row(r, m));
    }
    int never = 0;
    boolean any = false;
    for (Map<String, Observation> rep : r.observations()) {
      boolean broke = rep.containsKey(BREAK_EVEN) && rep.get(BREAK_EVEN).present();
      never += broke ? 0 : 1;
      any |= broke;
    }
    return new MigrationResult(
        scenario.name(),
        plan,
        r.count(),
        scenario.seed(),
        months,
        any ? named(r.estimate(BREAK_EVEN), BREAK_EVEN) : null,
        never,
        r.estimate(PEAK),
        r.estimate(TOTAL),
        first.get(),
        PartialFleet.addressConflict(scenario));
  }

  private static String key(int month, MigrationLedger.Column c) {
    return "month" + month + "." + c.key;
  }

  private static MonthRow row(ReplicationResult r, int m) {
    Estimate[] e = new Estimate[MigrationLedger.Column.values().length];
    for (MigrationLedger.Column c : MigrationLedger.Column.values()) {
      e[c.ordinal()] = named(r.estimate(key(m, c)), c.key);
    }
    return new MonthRow(
        m, e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9], e[10], e[11], e[12], e[13],
        e[14], e[15], e[16], e[17]);
  }

  private static Estimate named(Estimate e, String name) {
    return new Estimate(name, e.n(), e.mean(), e.stdDev(), e.halfWidth(), e.censored(), e.absent());
  }
}
