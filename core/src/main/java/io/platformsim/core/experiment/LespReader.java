package io.platformsim.core.experiment;

import io.platformsim.core.lesp.BatchSize;
import io.platformsim.core.lesp.DeployStrategy;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.yaml.YamlMapping;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the {@code lesp} section of a scenario file; every field it does not name keeps the {@link
 * LespConfig} default.
 */
final class LespReader {

  private static final List<String> LESP =
      List.of("headroom", "strategy", "imageBatch", "replaceFailed");

  private LespReader() {}

  /**
   * The LeSP configuration of {@code section} (the defaults if absent) with the file's identity.
   */
  static LespConfig read(Optional<YamlMapping> section, IdentityReader identity) {
    LespConfig defaults = LespConfig.defaults();
    LespConfig.Builder b = LespConfig.builder().identity(identity.lesp(defaults.identity()));
    if (section.isEmpty()) {
      return b.build();
    }
    YamlMapping m = section.get();
    m.only(LESP);
    double headroom = m.decimal("headroom", defaults.headroom());
    if (!(headroom >= 0) || headroom > 10) {
      throw m.error(
          "headroom", "must be in [0, 10] (a fraction of the instances), was " + headroom);
    }
    b.headroom(headroom);
    if (m.has("strategy")) {
      String s = m.text("strategy").trim().toLowerCase(Locale.ROOT);
      DeployStrategy strategy;
      if (s.equals("blue-green") || s.equals("bluegreen")) {
        strategy = DeployStrategy.blueGreen();
      } else if (s.startsWith("rolling ")) {
        strategy = new DeployStrategy.Rolling(batch(m, "strategy", s.substring(8).trim()));
      } else {
        throw m.error(
            "strategy",
            "expected 'rolling <n>', 'rolling <p>%' or 'blue-green', was '"
                + m.text("strategy")
                + "'");
      }
      b.strategy(strategy);
    }
    if (m.has("imageBatch")) {
      b.imageBatch(batch(m, "imageBatch", m.text("imageBatch").trim()));
    }
    b.replaceFailed(m.bool("replaceFailed", defaults.replaceFailed()));
    return b.build();
  }

  /** {@code 5} machines or {@code 25%} of the pool. */
  private static BatchSize batch(YamlMapping m, String field, String v) {
    try {
      if (v.endsWith("%")) {
        return BatchSize.percent(Integer.parseInt(v.substring(0, v.length() - 1).trim()));
      }
      return BatchSize.machines(Integer.parseInt(v));
    } catch (NumberFormatException e) {
      throw m.error(field, "expected a machine count or a percentage like 25%, was '" + v + "'");
    } catch (IllegalArgumentException e) {
      throw m.error(field, e.getMessage());
    }
  }
}
