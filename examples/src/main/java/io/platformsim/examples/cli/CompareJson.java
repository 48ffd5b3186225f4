package io.platformsim.examples.cli;

import io.platformsim.core.engine.Estimate;
import io.platformsim.core.experiment.ComparisonResult;
import io.platformsim.core.experiment.Figure;
import io.platformsim.core.experiment.SideResult;
import java.util.Optional;

/**
 * The {@code compare --json} object. Layout (one line):
 *
 * <pre>
 * {"scenario":"default","seed":42,"replications":4,"horizonSeconds":25200,
 *  "lesp":{"platform":"LeSP","machines":{"mean":687.9,"ci95":[686.3,689.5]}, ...,
 *          "rolloutSeconds":{"p50":{...},"p95":{...},"max":{...}},
 *          "appRolloutSeconds":{...},"imageRolloutSeconds":{...}, ...},
 *  "kusp":{...},
 *  "ratios":{"machines":0.12, ...}}
 * </pre>
 *
 * Every figure is {@code {"mean": m, "ci95": [low, high]}}: the mean over the replications and
 * the 95% Student-t interval ({@code [null,null]} with one replication); fractions stay fractions
 * (0.335 is 33.5%); a figure a platform does not report is {@code null}; ratios are KuSP ÷ LeSP
 * ({@code null} when undefined). Holds no wall-clock time, so the same seed gives the same bytes.
 */
final class CompareJson {

  private CompareJson() {}

  static String of(ComparisonResult r) {
    JsonObject ratios = new JsonObject();
    for (Figure f : Figure.values()) {
      ratios.add(f.key(), r.ratio(f));
    }
    return new JsonObject().add("scenario", r.scenario()).add("seed", r.seed())
        .add("replications", (long) r.replications()).add("horizonSeconds", r.horizonMillis() / 1000)
        .add("lesp", side(r.lesp())).add("kusp", side(r.kusp())).add("ratios", ratios).toString();
  }

  private static JsonObject side(SideResult s) {
    JsonObject side = new JsonObject().add("platform", s.platform());
    for (Figure f : Figure.values()) {
      side.add(f.key(), estimate(s.estimate(f)));
    }
    return side
        .add("rolloutSeconds", group(s, Figure.ROLLOUT_P50, Figure.ROLLOUT_P95, Figure.ROLLOUT_MAX))
        .add("appRolloutSeconds", group(s, Figure.APP_ROLLOUT_P50, Figure.APP_ROLLOUT_P95, Figure.APP_ROLLOUT_MAX))
        .add("imageRolloutSeconds", group(s, Figure.IMAGE_ROLLOUT_P50, Figure.IMAGE_ROLLOUT_P95, Figure.IMAGE_ROLLOUT_MAX));
  }

  private static JsonObject group(SideResult s, Figure p50, Figure p95, Figure max) {
    return new JsonObject().add("p50", estimate(s.estimate(p50))).add("p95", estimate(s.estimate(p95)))
        .add("max", estimate(s.estimate(max)));
  }

  private static JsonObject estimate(Optional<Estimate> e) {
    if (e.isEmpty()) {
      return null;
    }
    Estimate v = e.get();
    return new JsonObject().add("mean", v.mean()).add("ci95", new double[] {v.lower(), v.upper()});
  }
}
