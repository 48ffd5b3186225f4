package io.platformsim.core.lesp;

import io.platformsim.core.engine.EventAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch logic shared by every in-place deploy (rolling, canary and their rollback): walks a
 * fixed list of target machines, deploys one version on the next batch of those still live (in
 * service, or out of service after a failed health check and not being deployed), and fires {@code
 * settled} once every machine of the batch has come into service, failed its health check or been
 * lost. The owning rollout decides the batch sizes and what happens between batches.
 */
final class InPlaceBatches implements MachineWaiter {
  private final Rollout rollout;
  private final List<Machine> targets;
  private final String version;
  private final double healthFailure;
  private final EventAction settled;
  private int next;
  private int remaining;
  private boolean failed;

  /**
   * Batches over {@code targets} (in this order) deploying {@code version}, whose health check
   * fails with {@code healthFailure}, on behalf of {@code rollout}.
   */
  InPlaceBatches(
      Rollout rollout,
      List<Machine> targets,
      String version,
      double healthFailure,
      EventAction settled) {
    this.rollout = rollout;
    this.targets = targets;
    this.version = version;
    this.healthFailure = healthFailure;
    this.settled = settled;
  }

  /** The next up to {@code size} live targets, not yet deployed (none left: empty). */
  List<Machine> choose(int size) {
    List<Machine> chosen = new ArrayList<>();
    while (next < targets.size() && chosen.size() < size) {
      Machine m = targets.get(next++);
      boolean live =
          m.state() == MachineState.IN_SERVICE
              || (m.state() == MachineState.DEPLOYING && !m.healthy && m.waiter == null);
      if (live && !m.retiring) {
        chosen.add(m);
      }
    }
    return chosen;
  }

  /** Deploys the version on {@code batch} (from {@link #choose}); {@code settled} fires after. */
  void deploy(List<Machine> batch) {
    remaining = batch.size();
    for (Machine m : batch) {
      rollout.lifecycle.deployInPlace(rollout.pool, m, version, healthFailure, this);
    }
  }

  /** Whether a machine has failed its health check in any batch so far. */
  boolean failed() {
    return failed;
  }

  @Override
  public void ready(Machine m) {
    rollout.recordDeploy(m);
    settle();
  }

  @Override
  public void unhealthy(Machine m) {
    failed = true;
    settle();
  }

  @Override
  public void lost(Machine m) {
    settle();
  }

  private void settle() {
    if (--remaining > 0) {
      return;
    }
    settled.fire();
  }

  @Override
  public String toString() {
    return "InPlaceBatches["
        + version
        + ", "
        + next
        + "/"
        + targets.size()
        + " walked, "
        + remaining
        + " deploying]";
  }
}
