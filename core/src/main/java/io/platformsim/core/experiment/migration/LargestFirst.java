package io.platformsim.core.experiment.migration;

import io.platformsim.core.workload.Service;
import java.util.Comparator;
import java.util.List;

/**
 * {@code largest-first}: most instances first, ties by name. Moves the bulk of the LeSP fleet (and
 * its cost) early, so the overlap is shorter in money if not in risk.
 */
final class LargestFirst implements WaveOrdering {

  static final String NAME = "largest-first";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> order(List<Service> services, MigrationPlan plan) {
    return services.stream()
        .sorted(Comparator.comparingInt(Service::instances).reversed().thenComparing(Service::name))
        .map(Service::name)
        .toList();
  }

  @Override
  public String toString() {
    return NAME;
  }
}
