package io.platformsim.core.experiment;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.kusp.PodAutoscaling;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.platform.Pricing;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The standard {@code kusp} platform: {@link KuspPlatform} on the scenario's KuSP configuration.
 * Both platforms judge blast radius against the same needs: the scenario's LeSP roles, except for
 * services KuSP's identity configuration names itself. Nodes are bought under the scenario's
 * pricing (the scale-out measurement's cluster buys on-demand). Stateless.
 */
final class KuspFactory implements PlatformFactory {

  @Override
  public Platform create(Scenario scenario, Simulation sim, RandomStreams streams) {
    return platform(scenario, scenario.kusp(), scenario.pricing(), sim, streams);
  }

  /**
   * The service's configured Deployment spec with a HorizontalPodAutoscaler at the scenario's
   * target (as a whole percent, at least 1; it replaces the spec's own HPA) plus the cluster's node
   * provisioning on a cluster sized for the service alone, without the scenario's cluster
   * autoscaler settings.
   */
  @Override
  public Optional<Platform> autoscaled(
      Scenario scenario, Service service, int maxInstances, Simulation sim, RandomStreams streams) {
    KuspConfig c =
        Scenario.sized(scenario.kusp().withClusterAutoscaling(null), Workload.of(service));
    KuspPlatform p = platform(scenario, c, Pricing.ON_DEMAND, sim, streams);
    int target = (int) Math.max(1, Math.round(100 * scenario.scaleOutTarget()));
    // The service's own Deployment spec (strategy, probes, limits...) with the measurement's HPA.
    p.deploy(
        service,
        c.deployment(service.name())
            .withAutoscaling(
                PodAutoscaling.cpu(
                    service.instances(), Math.max(service.instances(), maxInstances), target)));
    return Optional.of(p);
  }

  private static KuspPlatform platform(
      Scenario scenario,
      KuspConfig config,
      Pricing pricing,
      Simulation sim,
      RandomStreams streams) {
    Map<String, Set<String>> needs = new LinkedHashMap<>(scenario.lesp().identity().resources());
    needs.putAll(config.identity().resources());
    return new KuspPlatform(
        sim, streams, config.withIdentity(config.identity().withResources(needs)), pricing);
  }

  @Override
  public String toString() {
    return "kusp (KuspPlatform)";
  }
}
