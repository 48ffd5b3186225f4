package io.platformsim.core.lesp;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LeSP components wired by hand, without {@link LespPlatform}, around one pool of {@link
 * DeterministicCase#zebra()} with {@code n} machines, all in service (380 s after the start, see
 * {@link DeterministicCase}). Lets a test drive the deploy system and one strategy class directly.
 */
final class OnePoolFleet {
  final Simulation sim = new Simulation();
  final Map<String, ServicePool> pools = new LinkedHashMap<>();
  final MetricsRecorder recorder = new MetricsRecorder(sim.now());
  final MachineLifecycle lifecycle;
  final DeploySystem deploys;
  final ServicePool pool;

  OnePoolFleet(LespConfig config, int n) {
    RandomStreams streams = RandomStreams.of(1, 0);
    ConfigManagementRun runs =
        new ConfigManagementRun(sim, config.configManagement(), streams, recorder);
    lifecycle = new MachineLifecycle(sim, streams, config, recorder, runs);
    deploys = new DeploySystem(config, lifecycle, streams);
    Service zebra = DeterministicCase.zebra().withInstances(n);
    pool =
        new ServicePool(zebra, config.menu().select(zebra, config.agents()), n, config.baseImage());
    pools.put(zebra.name(), pool);
    for (int i = 0; i < n; i++) {
      lifecycle.launch(
          pool, pool.image, pool.version, 0, new PoolWaiter(lifecycle, pool, -1), null);
    }
    sim.run();
  }

  /** {@code n} machines on the deterministic case's configuration. */
  static OnePoolFleet of(int n) {
    return new OnePoolFleet(DeterministicCase.config().build(), n);
  }

  /** Applies {@code release} with {@code strategy}, runs to quiescence, returns its record. */
  RolloutRecord roll(Release release, DeployStrategy strategy) {
    deploys.apply(pool, release, strategy);
    sim.run();
    List<RolloutRecord> records = deploys.records();
    return records.get(records.size() - 1);
  }

  /** Whether every machine of the pool serves {@code version}. */
  boolean allServe(String version) {
    return pool.machines.stream()
        .allMatch(m -> m.state() == MachineState.IN_SERVICE && m.version().equals(version));
  }
}
