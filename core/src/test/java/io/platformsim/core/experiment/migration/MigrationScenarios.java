package io.platformsim.core.experiment.migration;

import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.experiment.ScenarioFile;

/** Small scenarios for the migration tests: few services, no timeline events. */
final class MigrationScenarios {

  private MigrationScenarios() {}

  /**
   * Three services, no timeline: web autoscales on both platforms (KuSP HPA at 60% CPU between 2
   * and 40 pods; LeSP target tracking at 60% between 2 and 40 machines) and at nominal load sits at
   * its target (usage 600m of a 1000m request), so its instance count follows its share of the
   * load.
   */
  static Scenario small(int replications) {
    return ScenarioFile.parse(
        """
        name: migration-small
        seed: 7
        replications: %d
        horizon: 6h
        services:
          - name: web
            instances: 20
            request: {cpu: 1000m, memory: 2Gi}
            usage: {cpu: 600m, memory: 1Gi}
            deployment:
              hpa: {min: 2, max: 40, targetCpu: 60%%}
          - name: api
            instances: 8
            request: {cpu: 2000m, memory: 4Gi}
            usage: {cpu: 500m, memory: 2Gi}
          - name: batch
            instances: 4
            request: {cpu: 500m, memory: 1Gi}
            usage: {cpu: 200m, memory: 512Mi}
        lesp:
          serviceAutoScaling:
            web: {target: 0.6, min: 2, max: 40}
        """
            .formatted(replications),
        "migration-small.yaml");
  }
}
