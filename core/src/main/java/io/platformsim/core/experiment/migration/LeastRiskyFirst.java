package io.platformsim.core.experiment.migration;

import io.platformsim.core.workload.Service;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code least-risky-first}: ascending {@link MigrationPlan#risk() risk score}, ties by instances
 * (fewer first), then by name.
 *
 * <p>With no risk scores at all, a service's score is its instance count (a service with more
 * instances carries more traffic, so a failed move hurts more): the order is then smallest-first.
 * With some scores, every service must have one; the ones without are named in the error, since
 * guessing a score for a forgotten service would silently reorder the plan.
 */
final class LeastRiskyFirst implements WaveOrdering {

  static final String NAME = "least-risky-first";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> order(List<Service> services, MigrationPlan plan) {
    Map<String, Double> risk = plan.risk();
    if (!risk.isEmpty()) {
      List<String> unscored =
          services.stream().map(Service::name).filter(n -> !risk.containsKey(n)).sorted().toList();
      if (!unscored.isEmpty()) {
        throw new IllegalArgumentException(
            NAME + " needs a risk score for every service; missing for " + unscored);
      }
    }
    Comparator<Service> byRisk =
        Comparator.comparingDouble(
            s -> risk.isEmpty() ? s.instances() : risk.get(s.name()).doubleValue());
    return services.stream()
        .sorted(byRisk.thenComparingInt(Service::instances).thenComparing(Service::name))
        .map(Service::name)
        .toList();
  }

  @Override
  public String toString() {
    return NAME;
  }
}
