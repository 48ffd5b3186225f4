package io.platformsim.examples.cli;

import io.platformsim.core.engine.Estimate;
import io.platformsim.core.engine.Observation;
import io.platformsim.core.experiment.ComparisonResult;
import io.platformsim.core.experiment.Figure;
import io.platformsim.core.experiment.PlatformResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code compare --json} object: one member per platform, keyed by its registry name, in
 * registry order. Layout (one line, standard registry):
 *
 * <pre>
 * {"scenario":"default","seed":42,"replications":4,"horizonSeconds":25200,
 *  "lesp":{"platform":"LeSP","machines":{"mean":687.9,"ci95":[686.3,689.5]}, ...,
 *          "rolloutSeconds":{"p50":{...},"p95":{...},"max":{...}},
 *          "appRolloutSeconds":{...},"imageRolloutSeconds":{...},
 *          "configRolloutSeconds":{...}, ...},
 *  "kusp":{...},
 *  "ratios":{"machines":0.12, ...}}
 * </pre>
 *
 * Every figure is {@code {"mean": m, "ci95": [low, high], "n": n, "censored": k, "absent": j,
 * "values": [v0, v1, ...], "censoredReplications": [i, ...]}}: the mean over the replications and
 * the 95% Student-t interval ({@code [null,null]} with one replication); {@code n} replications had
 * a value or a lower bound, {@code k} of them only a lower bound (censored: the event had not
 * happened by the horizon, so the mean is a lower bound too), {@code j} had nothing to measure;
 * {@code values} holds every replication's value in replication order (the lower bound when its
 * index is in {@code censoredReplications}, {@code null} when absent). Fractions stay fractions
 * (0.335 is 33.5%); a figure a platform does not report is {@code null}.
 *
 * <p>{@code "ratios"} holds the second platform ÷ the first (baseline), i.e. KuSP ÷ LeSP, per
 * figure as {@code {"mean": m, "ci95": [low, high], "n": n, "ofMeans": r}}: the paired ratio (mean
 * of the per-replication ratios over the {@code n} replications where both were observed, with its
 * 95% interval) and {@code ofMeans}, the ratio of the two means; {@code "differences"} the paired
 * difference second − first as {@code {"mean", "ci95", "n"}}. Each further platform {@code x} adds
 * {@code "xRatios"} and {@code "xDifferences"} over the baseline; {@code null} when undefined.
 * {@code "warnings"} lists what {@code ComparisonResult.warnings()} says (e.g. fewer than 5
 * replications); {@code "precision"} (only with {@code --precision}) is {@code {"target": 0.05,
 * "minimum": 5, "cap": 100, "capReached": false, "unmet": [...]}}. Holds no wall-clock time, so the
 * same seed gives the same bytes.
 */
final class CompareJson {

  private CompareJson() {}

  static String of(ComparisonResult r) {
    JsonObject json =
        new JsonObject()
            .add("scenario", r.scenario())
            .add("seed", r.seed())
            .add("replications", (long) r.replications())
            .add("horizonSeconds", r.horizonMillis() / 1000);
    for (PlatformResult p : r.platforms()) {
      json.add(p.name(), side(p));
    }
    List<PlatformResult> others = r.platforms().subList(1, r.platforms().size());
    for (int i = 0; i < others.size(); i++) {
      String name = others.get(i).name();
      JsonObject ratios = new JsonObject();
      JsonObject differences = new JsonObject();
      for (Figure f : Figure.values()) {
        double ofMeans = r.ratio(name, f);
        JsonObject ratio = paired(r.pairedRatio(name, f));
        if (ratio == null && !Double.isNaN(ofMeans)) {
          ratio =
              new JsonObject()
                  .add("mean", Double.NaN)
                  .add("ci95", new double[] {Double.NaN, Double.NaN})
                  .add("n", 0L);
        }
        ratios.add(f.key(), ratio == null ? null : ratio.add("ofMeans", ofMeans));
        differences.add(f.key(), paired(r.pairedDifference(name, f)));
      }
      json.add(i == 0 ? "ratios" : name + "Ratios", ratios);
      json.add(i == 0 ? "differences" : name + "Differences", differences);
    }
    json.add("warnings", r.warnings());
    r.precision()
        .ifPresent(
            o ->
                json.add(
                    "precision",
                    new JsonObject()
                        .add("target", o.rule().target())
                        .add("minimum", (long) o.rule().minimum())
                        .add("cap", (long) o.rule().cap())
                        .add("capReached", o.capReached())
                        .add("unmet", o.unmet())));
    return json.toString();
  }

  private static JsonObject paired(Optional<Estimate> e) {
    if (e.isEmpty()) {
      return null;
    }
    Estimate v = e.get();
    return new JsonObject()
        .add("mean", v.mean())
        .add("ci95", new double[] {v.lower(), v.upper()})
        .add("n", (long) v.n());
  }

  private static JsonObject side(PlatformResult s) {
    JsonObject side = new JsonObject().add("platform", s.label());
    for (Figure f : Figure.values()) {
      JsonObject e = estimate(s.estimate(f));
      if (e != null) {
        List<Observation> obs = s.values(f);
        double[] values = new double[obs.size()];
        List<Long> censored = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
          values[i] = obs.get(i).value(); // NaN (null) when absent
          if (obs.get(i).isCensored()) {
            censored.add((long) i);
          }
        }
        e.add("values", values)
            .add("censoredReplications", censored.stream().mapToLong(Long::longValue).toArray());
      }
      side.add(f.key(), e);
    }
    return side.add(
            "rolloutSeconds", group(s, Figure.ROLLOUT_P50, Figure.ROLLOUT_P95, Figure.ROLLOUT_MAX))
        .add(
            "appRolloutSeconds",
            group(s, Figure.APP_ROLLOUT_P50, Figure.APP_ROLLOUT_P95, Figure.APP_ROLLOUT_MAX))
        .add(
            "imageRolloutSeconds",
            group(s, Figure.IMAGE_ROLLOUT_P50, Figure.IMAGE_ROLLOUT_P95, Figure.IMAGE_ROLLOUT_MAX))
        .add(
            "configRolloutSeconds",
            group(
                s,
                Figure.CONFIG_ROLLOUT_P50,
                Figure.CONFIG_ROLLOUT_P95,
                Figure.CONFIG_ROLLOUT_MAX));
  }

  private static JsonObject group(PlatformResult s, Figure p50, Figure p95, Figure max) {
    return new JsonObject()
        .add("p50", estimate(s.estimate(p50)))
        .add("p95", estimate(s.estimate(p95)))
        .add("max", estimate(s.estimate(max)));
  }

  private static JsonObject estimate(Optional<Estimate> e) {
    if (e.isEmpty()) {
      return null;
    }
    Estimate v = e.get();
    return new JsonObject()
        .add("mean", v.mean())
        .add("ci95", new double[] {v.lower(), v.upper()})
        .add("n", (long) v.n())
        .add("censored", (long) v.censored())
        .add("absent", (long) v.absent());
  }
}
