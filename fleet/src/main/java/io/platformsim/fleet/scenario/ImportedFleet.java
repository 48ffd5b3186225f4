package io.platformsim.fleet.scenario;

import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.experiment.ScenarioWriter;
import io.platformsim.core.lesp.InstanceType;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.workload.Service;
import io.platformsim.fleet.usage.Recommendation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An imported scenario, where each service came from, the right-sizing recommendations of the
 * services usage was given for, and what the scenario could not say.
 *
 * @param scenario the scenario
 * @param origins one per service, in the scenario's service order
 * @param rightSized service name to its recommendation (services with usage only), in service order
 * @param notModelled {@code "service: what (why)"} lines for manifest and inventory details the
 *     scenario cannot express (listed, never dropped silently), in the order found
 */
public record ImportedFleet(
    Scenario scenario,
    List<ServiceOrigin> origins,
    Map<String, Recommendation> rightSized,
    List<String> notModelled) {

  /** Copies the collections. */
  public ImportedFleet {
    origins = List.copyOf(origins);
    rightSized = Collections.unmodifiableMap(new LinkedHashMap<>(rightSized));
    notModelled = List.copyOf(notModelled);
  }

  /** A fleet with nothing unmodelled. */
  public ImportedFleet(
      Scenario scenario, List<ServiceOrigin> origins, Map<String, Recommendation> rightSized) {
    this(scenario, origins, rightSized, List.of());
  }

  /**
   * The scenario as YAML ({@link ScenarioWriter}), a comment line above each service naming where
   * it came from and which side was derived; {@code ScenarioFile.parse} reads it back as {@link
   * #scenario()}.
   */
  public String yaml() {
    Map<String, String> comments = new LinkedHashMap<>();
    origins.forEach(o -> comments.put(o.service(), o.toString()));
    return ScenarioWriter.write(scenario, comments);
  }

  /**
   * One line per derived side, for the import report: {@code "cart.shop: lesp derived (one machine
   * per replica: 3 x c5.large, ...)"} and {@code "catalog: kusp derived (...)"}.
   */
  public List<String> derived() {
    List<String> out = new ArrayList<>();
    LespConfig lesp = scenario.lesp();
    for (ServiceOrigin o : origins) {
      Service s = scenario.workload().service(o.service());
      if (o.lespDerived()) {
        // LeSP's own choice, or the type an instance-type node selector pins
        String pin = lesp.pinnedTypes().get(s.name());
        InstanceType t = pin != null ? lesp.menu().type(pin) : lesp.menu().select(s, lesp.agents());
        out.add(
            String.format(
                Locale.ROOT,
                "%s: lesp derived (one machine per replica plus %.0f%% headroom: %d x %s, the"
                    + " cheapest menu type holding request %s plus agents %s)",
                s.name(),
                100 * lesp.headroom(),
                lesp.poolSize(s),
                t.name(),
                s.request(),
                lesp.agents().total()));
      }
      if (o.kuspDerived()) {
        String type = lesp.pinnedTypes().get(s.name());
        out.add(
            String.format(
                Locale.ROOT,
                "%s: kusp derived (replicas = %d machines of %s; request %s, %s)",
                s.name(),
                s.instances(),
                type,
                s.request(),
                o.usage().isEmpty()
                    ? "what the machine leaves the service after the agents"
                    : "the usage-based right-sizing target, at most the machine's room"));
      }
    }
    return out;
  }

  /** A summary line, then one line per service with its origin. */
  @Override
  public String toString() {
    long paired =
        origins.stream().filter(o -> !o.manifest().isEmpty() && !o.inventory().isEmpty()).count();
    long lesp = origins.stream().filter(ServiceOrigin::lespDerived).count();
    long kusp = origins.stream().filter(ServiceOrigin::kuspDerived).count();
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "ImportedFleet[%s: %d services (%d paired, %d LeSP derived, %d KuSP derived),"
                    + " %d right-sized, %d not modelled]",
                scenario.name(),
                origins.size(),
                paired,
                lesp,
                kusp,
                rightSized.size(),
                notModelled.size()));
    origins.forEach(o -> b.append("\n  ").append(o));
    return b.toString();
  }
}
