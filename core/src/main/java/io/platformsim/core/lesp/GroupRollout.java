package io.platformsim.core.lesp;

import io.platformsim.core.workload.Release;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch logic shared by rollouts that launch new machines: launches a group and acts once every
 * one of them has come into service, failed its health check or been lost. Used by blue/green (one
 * group, the whole pool) and a base-image change (one group per batch). The launched machines
 * belong to the rollout (they do not count as pool members) until it hands them to the pool; one
 * that crashes is replaced by another launch when {@link LespConfig#replaceFailed()}.
 */
abstract class GroupRollout extends Rollout implements MachineWaiter {
  /** The group's machines that came into service or failed their health check. */
  final List<Machine> group = new ArrayList<>();

  private int remaining;

  /** Whether a machine of the group failed its health check. */
  boolean failed;

  GroupRollout(DeploySystem system, ServicePool pool, Release release, String strategy) {
    super(system, pool, release, strategy);
  }

  /** Starts a new group of {@code k} launches. */
  final void launchGroup(int k) {
    remaining = k;
    group.clear();
    for (int i = 0; i < k; i++) {
      launchOne();
    }
  }

  /** Launches one machine of the group (owned by this rollout, which waits on it). */
  abstract void launchOne();

  /** Every machine of the group has settled. */
  abstract void groupDone();

  @Override
  final void memberCrashed(Machine m) {
    group.remove(m);
    if (system.config().replaceFailed()) {
      remaining++;
      launchOne();
    }
  }

  @Override
  public final void ready(Machine m) {
    group.add(m);
    recordDeploy(m);
    settled();
  }

  @Override
  public final void unhealthy(Machine m) {
    group.add(m);
    failed = true;
    settled();
  }

  @Override
  public final void lost(Machine m) {
    settled();
  }

  private void settled() {
    if (--remaining > 0) {
      return;
    }
    groupDone();
  }
}
