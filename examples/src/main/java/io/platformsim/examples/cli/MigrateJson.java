package io.platformsim.examples.cli;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.Estimate;
import io.platformsim.core.experiment.migration.MigrationPlan;
import io.platformsim.core.experiment.migration.MigrationResult;
import io.platformsim.core.experiment.migration.MonthRow;
import io.platformsim.core.experiment.migration.TrafficStep;
import io.platformsim.core.experiment.migration.Waves;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code migrate --json} object, on one line:
 *
 * <pre>
 * {"scenario":"default","seed":42,"replications":8,
 *  "breakEvenMonth":{"mean":3.2,"ci95":[2.9,3.5],"n":8},"neverBrokeEven":0,
 *  "peakOverlapCostPerHour":{...},"totalMigrationCostUsd":{...},"addressConflict":null,
 *  "months":[{"month":0,"from":"2027-01-01","lespMachines":{...},"kuspNodes":{...},
 *             "lespCostPerHour":{...},"kuspCostPerHour":{...}, ...}, ...],
 *  "plan":{"start":"2027-01-01","waves":{"policy":"smallest-first","count":4},
 *          "waveSpacingDays":14.0, ...}}
 * </pre>
 *
 * Every figure is {@code {"mean": m, "ci95": [low, high], "n": n}} as in {@code compare --json}:
 * the mean over the replications and its 95% Student-t interval ({@code [null,null]} with one
 * replication). {@code breakEvenMonth} is in months (730 h) from the plan's start, over the
 * replications that broke even (cumulative savings against staying on LeSP first ≥ 0), and {@code
 * null} when none did; {@code neverBrokeEven} counts the replications that did not within the
 * horizon. {@code addressConflict} says why KuSP's pod range collides with the legacy network, or
 * is {@code null}. A month's members are {@link MonthColumn}'s keys, the {@code MonthRow} component
 * names; fractions (CPU allocation) stay fractions; costs are USD per hour or cumulative USD. Holds
 * no wall-clock time, so the same seed gives the same bytes.
 */
final class MigrateJson {

  private MigrateJson() {}

  static String of(MigrationResult r) {
    JsonObject json =
        new JsonObject()
            .add("scenario", r.scenario())
            .add("seed", r.seed())
            .add("replications", (long) r.replications())
            .add("breakEvenMonth", figure(r.breakEvenMonth()))
            .add("neverBrokeEven", (long) r.neverBrokeEven())
            .add("peakOverlapCostPerHour", figure(r.peakOverlapCostPerHour()))
            .add("totalMigrationCostUsd", figure(r.totalMigrationCostUsd()))
            .add("addressConflict", r.addressConflict().orElse(null));
    List<JsonObject> months = new ArrayList<>();
    for (MonthRow m : r.months()) {
      JsonObject month =
          new JsonObject()
              .add("month", (long) m.month())
              .add("from", MigrateTable.monthStart(r.plan(), m.month()).toString());
      for (MonthColumn c : MonthColumn.values()) {
        month.add(c.key(), figure(c.of(m)));
      }
      months.add(month);
    }
    json.addObjects("months", months);
    json.add("plan", plan(r.plan()));
    return json.toString();
  }

  /** The plan's settings; durations in days. */
  static JsonObject plan(MigrationPlan p) {
    JsonObject waves = new JsonObject();
    if (p.waves() instanceof Waves.Ordered o) {
      waves.add("policy", o.policy()).add("count", (long) o.count());
    } else if (p.waves() instanceof Waves.Lists l) {
      List<JsonObject> lists = new ArrayList<>();
      for (List<String> wave : l.waves()) {
        lists.add(new JsonObject().add("services", wave));
      }
      waves.addObjects("lists", lists);
    }
    List<JsonObject> steps = new ArrayList<>();
    for (TrafficStep s : p.trafficSteps()) {
      steps.add(new JsonObject().add("afterDays", days(s.after())).add("kuspShare", s.kuspShare()));
    }
    long[] forced = p.forcedRollbacks().stream().mapToLong(Integer::longValue).sorted().toArray();
    JsonObject risk = new JsonObject();
    p.risk().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> risk.add(e.getKey(), e.getValue()));
    JsonObject calls = new JsonObject();
    p.calls().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> calls.add(e.getKey(), e.getValue()));
    return new JsonObject()
        .add("start", p.start().toString())
        .add("waves", waves)
        .add("waveSpacingDays", days(p.waveSpacing()))
        .add("readiness", readiness(p.readiness()))
        .addObjects("trafficSteps", steps)
        .add("bakeDays", days(p.bake()))
        .add("rollbackProbability", p.rollbackProbability())
        .add("rollbackRetryDays", days(p.rollbackRetry()))
        .add("forcedRollbacks", forced)
        .add("risk", risk)
        .add("calls", calls)
        .add("horizonDays", days(p.horizon()));
  }

  private static JsonObject readiness(DurationDistribution d) {
    return new JsonObject()
        .add("distribution", d.toString())
        .add("meanDays", d.meanMillis() / 86_400_000.0);
  }

  private static double days(Duration d) {
    return d.toMillis() / 86_400_000.0;
  }

  /** {@code {"mean", "ci95", "n"}}, or {@code null} for no estimate. */
  static JsonObject figure(Estimate e) {
    if (e == null) {
      return null;
    }
    return new JsonObject()
        .add("mean", e.mean())
        .add("ci95", new double[] {e.lower(), e.upper()})
        .add("n", (long) e.n());
  }
}
