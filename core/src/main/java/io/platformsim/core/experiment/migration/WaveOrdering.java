package io.platformsim.core.experiment.migration;

import io.platformsim.core.workload.Service;
import java.util.List;

/**
 * An ordering policy: which services migrate first. Registered by name in {@link WaveOrderings}.
 * Implementations are stateless and deterministic (the same services and plan give the same order).
 */
public interface WaveOrdering {

  /** The name a plan file uses for it (e.g. {@code smallest-first}). */
  String name();

  /**
   * The names of {@code services} in migration order; the plan cuts them into its count of waves of
   * near-equal size.
   *
   * @throws IllegalArgumentException if the plan lacks what the policy needs (risk scores, a call
   *     graph), naming what is missing
   */
  List<String> order(List<Service> services, MigrationPlan plan);
}
