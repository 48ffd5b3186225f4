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
 * Leaf objects are {@link JsonObject}s; this class only nests them (JsonObject has no nested
 * members).
 */
final class CompareJson {

  private CompareJson() {}

  static String of(ComparisonResult r) {
    String head = new JsonObject().add("scenario", r.scenario()).add("seed", r.seed())
        .add("replications", (long) r.replications()).add("horizonSeconds", r.horizonMillis() / 1000).toString();
    StringBuilder sb = new StringBuilder(head.substring(0, head.length() - 1));
    sb.append(",\"lesp\":").append(side(r.lesp()));
    sb.append(",\"kusp\":").append(side(r.kusp()));
    JsonObject ratios = new JsonObject();
    for (Figure f : Figure.values()) {
      ratios.add(f.key(), r.ratio(f));
    }
    sb.append(",\"ratios\":").append(ratios).append('}');
    return sb.toString();
  }

  private static String side(SideResult s) {
    StringBuilder sb = new StringBuilder("{\"platform\":\"").append(s.platform()).append('"');
    for (Figure f : Figure.values()) {
      sb.append(",\"").append(f.key()).append("\":").append(estimate(s.estimate(f)));
    }
    group(sb, "rolloutSeconds", s, Figure.ROLLOUT_P50, Figure.ROLLOUT_P95, Figure.ROLLOUT_MAX);
    group(sb, "appRolloutSeconds", s, Figure.APP_ROLLOUT_P50, Figure.APP_ROLLOUT_P95, Figure.APP_ROLLOUT_MAX);
    group(sb, "imageRolloutSeconds", s, Figure.IMAGE_ROLLOUT_P50, Figure.IMAGE_ROLLOUT_P95, Figure.IMAGE_ROLLOUT_MAX);
    return sb.append('}').toString();
  }

  private static void group(StringBuilder sb, String name, SideResult s, Figure p50, Figure p95, Figure max) {
    sb.append(",\"").append(name).append("\":{\"p50\":").append(estimate(s.estimate(p50)))
        .append(",\"p95\":").append(estimate(s.estimate(p95)))
        .append(",\"max\":").append(estimate(s.estimate(max))).append('}');
  }

  private static String estimate(Optional<Estimate> e) {
    if (e.isEmpty()) {
      return "null";
    }
    Estimate v = e.get();
    return new JsonObject().add("mean", v.mean()).add("ci95", new double[] {v.lower(), v.upper()}).toString();
  }
}
