package io.platformsim.core.experiment;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.platform.Pricing;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The standard {@code kusp} platform: {@link KuspPlatform} on the scenario's KuSP configuration.
 * Both platforms judge blast radius against the same needs: the scenario's LeSP roles, except for
 * services KuSP's identity configuration names itself. Nodes are bought under the scenario's
 * pricing. Stateless.
 */
final class KuspFactory implements PlatformFactory {

  @Override
  public Platform create(Scenario scenario, Simulation sim, RandomStreams streams) {
    return platform(scenario, scenario.kusp(), scenario.pricing(), sim, streams);
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
