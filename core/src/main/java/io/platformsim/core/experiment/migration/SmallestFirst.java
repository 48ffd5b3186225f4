package io.platformsim.core.experiment.migration;

import io.platformsim.core.workload.Service;
import java.util.Comparator;
import java.util.List;

/**
 * {@code smallest-first}: fewest instances first, ties by name. The usual way to start a migration:
 * the first waves are cheap to roll back and teach the team the path before the big services move.
 */
final class SmallestFirst implements WaveOrdering {

  static final String NAME = "smallest-first";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> order(List<Service> services, MigrationPlan plan) {
    return services.stream()
        .sorted(Comparator.comparingInt(Service::instances).thenComparing(Service::name))
        .map(Service::name)
        .toList();
  }

  @Override
  public String toString() {
    return NAME;
  }
}
