package io.platformsim.core.lesp;

import io.platformsim.core.engine.DurationSampler;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.Release;
import java.util.ArrayList;
import java.util.List;

/**
 * LeSP's deploy system: turns a release into the rollout of its strategy ({@link RollingRollout},
 * {@link CanaryRollout}, {@link BlueGreenRollout}; a base-image release is an {@link
 * ImageReplacement} and a configuration change a {@link ConfigRollout} whatever the strategy), runs
 * at most one rollout per pool and queues the others behind it in the order applied, and keeps
 * every rollout for the metrics.
 */
final class DeploySystem {
  private final LespConfig config;
  private final MachineLifecycle lifecycle;
  private final DurationSampler bakeTime;
  private final List<Rollout> rollouts = new ArrayList<>();

  DeploySystem(LespConfig config, MachineLifecycle lifecycle, RandomStreams streams) {
    this.config = config;
    this.lifecycle = lifecycle;
    this.bakeTime = config.bake().sampler(streams.stream("lesp.bake"));
  }

  LespConfig config() {
    return config;
  }

  MachineLifecycle lifecycle() {
    return lifecycle;
  }

  /** The duration of the next image bake, drawn now. */
  long bakeMillis() {
    return bakeTime.next();
  }

  /**
   * Plans {@code release} on {@code pool} with {@code strategy} and begins it now, or queues it
   * behind the pool's rollout in progress.
   *
   * @throws IllegalArgumentException if a batch size does not fit the pool (the message names the
   *     release)
   */
  void apply(ServicePool pool, Release release, DeployStrategy strategy) {
    Rollout rollout;
    try {
      rollout = plan(pool, release, strategy);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "release " + release.version() + " of '" + release.service() + "': " + e.getMessage(), e);
    }
    rollouts.add(rollout);
    if (pool.rollout == null) {
      pool.rollout = rollout;
      rollout.begin();
    } else {
      pool.queued.add(rollout);
    }
  }

  /** The rollout process for {@code release}, its batch sizes checked against the pool. */
  private Rollout plan(ServicePool pool, Release release, DeployStrategy strategy) {
    if (release.kind() == Release.Kind.CONFIG) {
      return new ConfigRollout(this, pool, release);
    }
    if (release.kind() == Release.Kind.BASE_IMAGE) {
      return new ImageReplacement(
          this, pool, release, config.imageBatch().machinesFor(pool.wanted));
    }
    strategy.minimumInService(pool.wanted); // validates batch sizes against the pool
    if (strategy instanceof DeployStrategy.Rolling r) {
      return new RollingRollout(this, pool, release, r);
    }
    if (strategy instanceof DeployStrategy.Canary c) {
      return new CanaryRollout(this, pool, release, c);
    }
    return new BlueGreenRollout(this, pool, release, (DeployStrategy.BlueGreen) strategy);
  }

  /** {@code rollout} finished: the pool's next queued rollout, if any, begins now. */
  void ended(Rollout rollout) {
    ServicePool pool = rollout.pool;
    pool.rollout = pool.queued.poll();
    if (pool.rollout != null) {
      pool.rollout.begin();
    }
  }

  /** Every started rollout's record, in the order applied. */
  List<RolloutRecord> records() {
    List<RolloutRecord> out = new ArrayList<>();
    for (Rollout r : rollouts) {
      if (r.started) {
        out.add(r.record());
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "DeploySystem[rollouts=" + rollouts.size() + "]";
  }
}
