package io.platformsim.core.lesp;

import io.platformsim.core.platform.RolloutRecord.Outcome;
import io.platformsim.core.workload.Release;
import java.util.List;

/**
 * A base-image change: bakes the new image (a draw from {@code "lesp.bake"}), then launches {@code
 * batch} new machines from it, and once the batch is in service retires as many members still on
 * another image (drained); batch after batch until none is left. A new machine failing its health
 * check discards the batch without drain and rolls back the same way: the machines already replaced
 * are replaced again from the old image (health check taken to pass); ROLLED_BACK.
 */
final class ImageReplacement extends GroupRollout {
  private final int batch;
  private BaseImage oldImage;
  private BaseImage target;
  private boolean rollingBack;

  ImageReplacement(DeploySystem system, ServicePool pool, Release release, int batch) {
    super(system, pool, release, "image replace(" + batch + " machines)");
    this.batch = batch;
  }

  @Override
  void start() {
    sim.schedule(
        system.bakeMillis(),
        () -> {
          oldImage = pool.image;
          target = pool.image.withVersion(release.version());
          pool.image = target;
          nextBatch();
        });
  }

  private List<Machine> outdated() {
    List<Machine> out = pool.memberList();
    out.removeIf(m -> m.image().equals(target));
    return out;
  }

  private void nextBatch() {
    int k = Math.min(batch, outdated().size());
    if (k == 0) {
      finish(rollingBack ? Outcome.ROLLED_BACK : Outcome.COMPLETED);
      return;
    }
    launchGroup(k);
  }

  @Override
  void launchOne() {
    lifecycle.launch(
        pool,
        target,
        pool.version,
        rollingBack ? 0 : release.healthCheckFailureProbability(),
        this,
        this);
  }

  @Override
  void groupDone() {
    if (failed && !rollingBack) {
      for (Machine f : group) {
        lifecycle.retire(pool, f, "discard unhealthy new-image machine", false);
      }
      group.clear();
      rollingBack = true;
      target = oldImage;
      pool.image = oldImage;
      nextBatch();
      return;
    }
    List<Machine> old = outdated();
    for (int i = 0; i < group.size() && i < old.size(); i++) {
      lifecycle.retire(pool, old.get(i), "replaced by " + group.get(i).name(), true);
    }
    for (Machine f : group) {
      f.owner = null;
    }
    if (!rollingBack) {
      changed += group.size();
    }
    nextBatch();
  }
}
