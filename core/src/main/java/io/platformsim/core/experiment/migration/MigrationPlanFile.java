package io.platformsim.core.experiment.migration;

import io.platformsim.core.experiment.DurationFields;
import io.platformsim.core.experiment.ScenarioFileException;
import io.platformsim.core.yaml.YamlDocument;
import io.platformsim.core.yaml.YamlFileException;
import io.platformsim.core.yaml.YamlList;
import io.platformsim.core.yaml.YamlMapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a migration plan from YAML (keys documented in {@code examples/migration/README.md}); every
 * key is optional and defaults to {@link MigrationPlan#defaults()}' value. Errors are one line
 * naming the file, the line, the field and the value ({@link ScenarioFileException}).
 *
 * <pre>{@code
 * MigrationPlan plan = MigrationPlanFile.load(Path.of("examples/migration/plan.yaml"));
 * }</pre>
 */
public final class MigrationPlanFile {

  /** Largest plan file read, in bytes. */
  public static final long MAX_BYTES = 1 << 20;

  /** Top-level keys. */
  static final List<String> TOP =
      List.of(
          "start",
          "waves",
          "ordering",
          "spacing",
          "readiness",
          "traffic",
          "bake",
          "rollback",
          "risk",
          "calls",
          "horizon");

  /** Keys of {@code ordering}. */
  static final List<String> ORDERING = List.of("policy", "waves");

  /** Keys of one {@code traffic} step. */
  static final List<String> STEP = List.of("after", "share");

  /** Keys of {@code rollback}. */
  static final List<String> ROLLBACK = List.of("probability", "retry", "forced");

  private MigrationPlanFile() {}

  /**
   * Loads {@code path}.
   *
   * @throws ScenarioFileException if it is missing, too large, not YAML or not a valid plan
   */
  public static MigrationPlan load(Path path) {
    String name = path.toString();
    try {
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        throw new ScenarioFileException(
            name, 0, "", "file is " + size + " bytes; the limit is " + MAX_BYTES);
      }
      return parse(Files.readString(path, StandardCharsets.UTF_8), name);
    } catch (NoSuchFileException e) {
      throw new ScenarioFileException(name, 0, "", "no such file");
    } catch (IOException e) {
      throw new ScenarioFileException(name, 0, "", "cannot read: " + e.getMessage());
    }
  }

  /**
   * Parses {@code yaml}, naming it {@code sourceName} in errors; an empty document is the default
   * plan.
   *
   * @throws ScenarioFileException if it is not YAML or not a valid plan
   */
  public static MigrationPlan parse(String yaml, String sourceName) {
    try {
      Optional<YamlMapping> root = YamlDocument.root(yaml, sourceName, (int) MAX_BYTES);
      if (root.isEmpty()) {
        return MigrationPlan.defaults();
      }
      return plan(root.get());
    } catch (ScenarioFileException e) {
      throw e;
    } catch (YamlFileException e) {
      throw new ScenarioFileException(e.file(), e.line(), e.field(), e.problem());
    }
  }

  private static MigrationPlan plan(YamlMapping m) {
    m.only(TOP);
    MigrationPlan d = MigrationPlan.defaults();
    MigrationPlan.Builder b = MigrationPlan.builder();
    if (m.has("start")) {
      String text = m.text("start").trim();
      try {
        b.start(LocalDate.parse(text));
      } catch (DateTimeParseException e) {
        throw m.error("start", "expected a date YYYY-MM-DD, was '" + text + "'");
      }
    }
    Map<String, List<String>> calls = calls(m);
    b.calls(calls);
    Map<String, Double> risk = risk(m);
    b.risk(risk);
    int waveCount = waves(m, b, calls.isEmpty());
    b.waveSpacing(positive(m, "spacing", d.waveSpacing()));
    b.readiness(DurationFields.distribution(m, "readiness", d.readiness()));
    if (m.has("traffic")) {
      b.trafficSteps(steps(m));
    }
    b.bake(Duration.ofMillis(m.read("bake", DurationFields.DURATION, d.bake().toMillis())));
    if (m.has("rollback")) {
      YamlMapping r = m.requiredMapping("rollback");
      r.only(ROLLBACK);
      double p = r.decimal("probability", d.rollbackProbability());
      if (p < 0 || p > 1) {
        throw r.error("probability", "must be in [0, 1], was '" + r.text("probability") + "'");
      }
      b.rollbackProbability(p);
      b.rollbackRetry(positive(r, "retry", d.rollbackRetry()));
      b.forcedRollbacks(forced(r, waveCount));
    }
    b.horizon(positive(m, "horizon", d.horizon()));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      // Every field is checked above at its line; this is the backstop for a rule missed there.
      throw m.error("", e.getMessage());
    }
  }

  /** Reads {@code waves} or {@code ordering}; returns the wave count (upper bound if ordered). */
  private static int waves(YamlMapping m, MigrationPlan.Builder b, boolean noCalls) {
    if (m.has("waves") && m.has("ordering")) {
      throw m.error("ordering", "give either waves (lists of services) or ordering, not both");
    }
    if (m.has("waves")) {
      YamlList list = m.list("waves").orElseThrow();
      List<YamlList> items = list.lists();
      if (items.isEmpty()) {
        throw m.error("waves", "must list at least one wave, was an empty list");
      }
      List<List<String>> waves = new ArrayList<>();
      Map<String, Integer> seen = new HashMap<>();
      for (int w = 0; w < items.size(); w++) {
        List<String> names = items.get(w).names();
        if (names.isEmpty()) {
          throw items.get(w).error("wave is empty");
        }
        for (String s : names) {
          Integer before = seen.put(s, w + 1);
          if (before != null) {
            throw items.get(w).error("service '" + s + "' is already in wave " + before);
          }
        }
        waves.add(names);
      }
      b.waves(waves);
      return waves.size();
    }
    if (m.has("ordering")) {
      YamlMapping o = m.requiredMapping("ordering");
      o.only(ORDERING);
      String policy = o.string("policy", null);
      if (!WaveOrderings.names().contains(policy)) {
        throw o.error(
            "policy",
            "unknown policy '" + policy + "'; known: " + String.join(", ", WaveOrderings.names()));
      }
      if (policy.equals(DependencyOrder.NAME) && noCalls) {
        throw o.error("policy", policy + " needs a call graph (calls), the plan has none");
      }
      int count = o.integer("waves", 1, 10_000, 4);
      b.ordering(policy, count);
      return count;
    }
    return ((Waves.Ordered) MigrationPlan.defaults().waves()).count();
  }

  private static List<TrafficStep> steps(YamlMapping m) {
    List<YamlMapping> items = m.list("traffic").orElseThrow().mappings();
    if (items.isEmpty()) {
      throw m.error("traffic", "must list at least one step, was an empty list");
    }
    List<TrafficStep> steps = new ArrayList<>();
    for (YamlMapping s : items) {
      s.only(STEP);
      long after = s.read("after", DurationFields.DURATION, null);
      double share = s.decimal("share", null);
      if (share < 0 || share > 1) {
        throw s.error("share", "must be in [0, 1], was '" + s.text("share") + "'");
      }
      if (!steps.isEmpty()) {
        TrafficStep prev = steps.get(steps.size() - 1);
        if (after <= prev.after().toMillis()) {
          throw s.error(
              "after", "must be later than the previous step's, was '" + s.text("after") + "'");
        }
        if (share < prev.kuspShare()) {
          throw s.error(
              "share",
              "must not fall below the previous step's "
                  + prev.kuspShare()
                  + ", was '"
                  + s.text("share")
                  + "'");
        }
      }
      steps.add(new TrafficStep(Duration.ofMillis(after), share));
    }
    YamlMapping last = items.get(items.size() - 1);
    if (steps.get(steps.size() - 1).kuspShare() != 1.0) {
      throw last.error(
          "share", "the last step must move all traffic (1), was '" + last.text("share") + "'");
    }
    return steps;
  }

  private static Set<Integer> forced(YamlMapping r, int waveCount) {
    Optional<YamlList> list = r.list("forced");
    Set<Integer> forced = new TreeSet<>();
    if (list.isEmpty()) {
      return forced;
    }
    for (String text : list.get().names()) {
      int w;
      try {
        w = Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        throw r.error("forced", "expected wave numbers (1-based), was '" + text + "'");
      }
      if (w < 1 || w > waveCount) {
        throw r.error(
            "forced", "wave " + w + " is not in 1.." + waveCount + ", was '" + text + "'");
      }
      forced.add(w);
    }
    return forced;
  }

  private static Map<String, Double> risk(YamlMapping m) {
    Map<String, Double> risk = new LinkedHashMap<>();
    if (m.has("risk")) {
      YamlMapping r = m.requiredMapping("risk");
      for (String s : r.keys()) {
        risk.put(s, r.decimal(s, null));
      }
    }
    return risk;
  }

  private static Map<String, List<String>> calls(YamlMapping m) {
    Map<String, List<String>> calls = new LinkedHashMap<>();
    if (m.has("calls")) {
      YamlMapping c = m.requiredMapping("calls");
      for (String s : c.keys()) {
        calls.put(s, c.list(s).map(YamlList::names).orElse(List.of()));
      }
    }
    return calls;
  }

  private static Duration positive(YamlMapping m, String field, Duration dflt) {
    long ms = m.read(field, DurationFields.DURATION, dflt.toMillis());
    if (ms <= 0) {
      throw m.error(field, "must be above 0, was '" + m.text(field) + "'");
    }
    return Duration.ofMillis(ms);
  }
}
