package io.platformsim.core.experiment;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.platform.Platform;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The standard {@code kusp} platform: {@link KuspPlatform} on the scenario's KuSP configuration.
 * Both platforms judge blast radius against the same needs: the scenario's LeSP roles, except for
 * services KuSP's identity configuration names itself. Stateless.
 */
final class KuspFactory implements PlatformFactory {

  @Override
  public Platform create(Scenario scenario, Simulation sim, RandomStreams streams) {
    return platform(scenario, scenario.kusp(), sim, streams);
  }

  private static KuspPlatform platform(
      Scenario scenario, KuspConfig config, Simulation sim, RandomStreams streams) {
    Map<String, Set<String>> needs = new LinkedHashMap<>(scenario.lesp().identity().resources());
    needs.putAll(config.identity().resources());
    return new KuspPlatform(
        sim, streams, config.withIdentity(config.identity().withResources(needs)));
  }

  @Override
  public String toString() {
    return "kusp (KuspPlatform)";
  }
}
