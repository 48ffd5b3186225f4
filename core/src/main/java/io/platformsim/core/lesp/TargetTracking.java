package io.platformsim.core.lesp;

import io.platformsim.core.engine.Simulation;
import java.util.Comparator;
import java.util.List;

/**
 * Auto-scaling by target tracking of one pool, as configured by its {@link AutoScaling} ({@link
 * LespConfig#autoScalingOf}: its own policy or the common one): every evaluation period the watched
 * pool is resized to {@code ceil(demand / (target x request))} mCPU-wise, clamped to [min, max],
 * unless a rollout runs on it, the service requests no CPU or the last action is within the
 * cooldown. Scale-out launches pool members; scale-in drains and retires the newest members first.
 * A retired pool ({@link LespPlatform#retire}) is evaluated no more.
 */
final class TargetTracking {
  private final AutoScaling policy;
  private final MachineLifecycle lifecycle;
  private final Simulation sim;

  TargetTracking(AutoScaling policy, MachineLifecycle lifecycle) {
    this.policy = policy;
    this.lifecycle = lifecycle;
    this.sim = lifecycle.simulation();
  }

  /** {@code size} clamped to the policy's [min, max]. */
  int clamp(int size) {
    return Math.max(policy.minMachines(), Math.min(policy.maxMachines(), size));
  }

  /** Evaluates {@code pool} every evaluation period from now on (the first one period from now). */
  void watch(ServicePool pool) {
    sim.schedule(policy.evaluationMillis(), () -> evaluate(pool));
  }

  private void evaluate(ServicePool pool) {
    if (pool.retired) {
      return; // the service left the platform: its Auto Scaling group is deleted with the pool
    }
    sim.schedule(policy.evaluationMillis(), () -> evaluate(pool));
    long requestCpu = pool.service.request().milliCpu();
    if (pool.rollout != null
        || requestCpu == 0
        || (pool.lastScaleMillis >= 0
            && sim.now() - pool.lastScaleMillis < policy.cooldownMillis())) {
      return;
    }
    double demand = pool.service.instances() * pool.service.usage().milliCpu() * pool.load;
    // The epsilon keeps a demand exactly at a multiple of the target from rounding up once more.
    int desired = clamp((int) Math.ceil(demand / (policy.targetUtilization() * requestCpu) - 1e-9));
    if (desired == pool.wanted) {
      return;
    }
    lifecycle.recorder().scaled();
    pool.lastScaleMillis = sim.now();
    int members = pool.members();
    pool.wanted = desired;
    if (desired > members) {
      for (int i = members; i < desired; i++) {
        lifecycle.launch(
            pool,
            pool.image,
            pool.version,
            pool.healthFailure,
            new PoolWaiter(lifecycle, pool, -1),
            null);
      }
    } else {
      List<Machine> candidates = pool.memberList();
      candidates.sort(Comparator.comparingInt(Machine::id).reversed()); // newest first
      for (int i = 0; i < members - desired; i++) {
        lifecycle.retire(pool, candidates.get(i), "scale in", true);
      }
    }
  }

  @Override
  public String toString() {
    return "TargetTracking[" + policy + "]";
  }
}
