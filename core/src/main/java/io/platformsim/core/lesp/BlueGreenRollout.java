package io.platformsim.core.lesp;

import io.platformsim.core.platform.RolloutRecord.Outcome;
import io.platformsim.core.workload.Release;
import java.util.List;

/**
 * {@link DeployStrategy.BlueGreen}: launches a whole new (green) pool of the wanted size on the
 * release at once; when all of it has settled healthy, the pool switches to the release, the green
 * machines become members and the old (blue) members drain and terminate. A green machine failing
 * its health check discards the green pool without drain (it never served): ROLLED_BACK, the blue
 * pool untouched. It takes as long as the slowest green launch (pending, boot, converge, deploy
 * steps).
 */
final class BlueGreenRollout extends GroupRollout {

  BlueGreenRollout(
      DeploySystem system, ServicePool pool, Release release, DeployStrategy.BlueGreen strategy) {
    super(system, pool, release, strategy.toString());
  }

  @Override
  void start() {
    changed = pool.wanted;
    launchGroup(pool.wanted);
  }

  @Override
  void launchOne() {
    lifecycle.launch(
        pool, pool.image, release.version(), release.healthCheckFailureProbability(), this, this);
  }

  @Override
  void groupDone() {
    if (failed) {
      for (Machine g : group) {
        lifecycle.retire(pool, g, "discard green pool", false);
      }
      finish(Outcome.ROLLED_BACK);
      return;
    }
    List<Machine> blues = pool.memberList();
    pool.version = release.version();
    pool.healthFailure = release.healthCheckFailureProbability();
    pool.service = pool.service.withVersion(release.version());
    for (Machine g : group) {
      g.owner = null;
    }
    for (Machine b : blues) {
      lifecycle.retire(pool, b, "blue/green switch", true);
    }
    finish(Outcome.COMPLETED);
  }
}
