package io.platformsim.examples.cli;

import io.platformsim.core.engine.Estimate;
import io.platformsim.core.experiment.ComparisonResult;
import io.platformsim.core.experiment.Figure;
import io.platformsim.core.experiment.PlatformResult;
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
 * Every figure is {@code {"mean": m, "ci95": [low, high]}}: the mean over the replications and the
 * 95% Student-t interval ({@code [null,null]} with one replication); fractions stay fractions
 * (0.335 is 33.5%); a figure a platform does not report is {@code null}. {@code "ratios"} holds the
 * second platform ÷ the first (baseline), i.e. KuSP ÷ LeSP; each further platform {@code x} adds
 * {@code "xRatios"}, x ÷ the baseline ({@code null} when undefined). Holds no wall-clock time, so
 * the same seed gives the same bytes.
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
      for (Figure f : Figure.values()) {
        ratios.add(f.key(), r.ratio(name, f));
      }
      json.add(i == 0 ? "ratios" : name + "Ratios", ratios);
    }
    return json.toString();
  }

  private static JsonObject side(PlatformResult s) {
    JsonObject side = new JsonObject().add("platform", s.label());
    for (Figure f : Figure.values()) {
      side.add(f.key(), estimate(s.estimate(f)));
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
    return new JsonObject().add("mean", v.mean()).add("ci95", new double[] {v.lower(), v.upper()});
  }
}
