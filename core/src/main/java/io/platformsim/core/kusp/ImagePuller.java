package io.platformsim.core.kusp;

import java.util.ArrayDeque;

/**
 * The kubelet's image manager (k/k pkg/kubelet/images/image_manager.go, puller.go): pulls a pod's
 * missing layers into its node's {@link ImageCache} per the pull policy, one pull at a time per
 * node (serializeImagePulls, the default) or up to {@code maxParallelImagePulls}, at min(node,
 * registry) bandwidth; and image garbage collection (k/k pkg/kubelet/images/image_gc_manager.go) on
 * the {@code ImageGCPeriod} after a pull or a container stop left usage above the high threshold.
 */
final class ImagePuller {
  /** ImageGCPeriod 5 min: k/k pkg/kubelet/kubelet.go (v1.31). */
  static final long IMAGE_GC_PERIOD_MILLIS = 300_000;

  private final Cluster c;

  ImagePuller(Cluster c) {
    this.c = c;
  }

  /**
   * Pulls the image of {@code p} if its policy asks for it, then has the kubelet start the
   * container.
   */
  void pullAndStart(Pod p) {
    Node n = p.node;
    Deployment d = Cluster.deploymentOf(p);
    PullPolicy policy = d == null ? PullPolicy.IF_NOT_PRESENT : d.spec.pullPolicy();
    boolean present = n.cache.contains(p.image());
    if (policy == PullPolicy.NEVER && !present) {
      p.waitingReason = "ErrImageNeverPull";
      return;
    }
    if (policy == PullPolicy.ALWAYS || !present) {
      p.waitingReason = "ImagePull";
      if (n.pullQueue == null) {
        n.pullQueue = new ArrayDeque<>(4);
      }
      n.pullQueue.add(p);
      pump(n);
    } else {
      c.kubelet.imagePresent(p);
    }
  }

  /** {@code p} on {@code n} was deleted: it leaves the pull queue, or its pull stops. */
  void cancel(Pod p, Node n) {
    if (n.pullQueue != null && n.pullQueue.remove(p)) {
      p.waitingReason = "Terminating";
    }
    if (p.pulling()) {
      p.setPulling(false);
      n.activePulls--;
      pump(n);
    }
  }

  private void pump(Node n) {
    int limit =
        c.config.maxParallelImagePulls() == 0
            ? Integer.MAX_VALUE
            : c.config.maxParallelImagePulls();
    while (n.activePulls < limit && n.pullQueue != null && !n.pullQueue.isEmpty() && n.responsive) {
      Pod p = n.pullQueue.poll();
      if (p.terminating() || p.gone()) {
        continue;
      }
      n.activePulls++;
      p.setPulling(true);
      long missing = n.cache.missingBytes(p.image());
      long bandwidth =
          Math.min(
              c.config.nodeBandwidthBytesPerSecond(), c.config.registryBandwidthBytesPerSecond());
      // Whole milliseconds, rounded up: 170 MB at 10 MB/s = 17 000 ms exactly.
      long millis = Math.floorDiv(Math.multiplyExact(missing, 1000L) + bandwidth - 1, bandwidth);
      c.recorder.pulled(missing);
      p.timer(c.sim.schedule(millis, () -> pullDone(n, p)));
    }
    if (n.pullQueue != null && n.pullQueue.isEmpty()) {
      n.pullQueue = null;
    }
  }

  private void pullDone(Node n, Pod p) {
    p.timer(-1);
    n.activePulls--;
    p.setPulling(false);
    long now = c.sim.now();
    n.cache.store(p.image(), now);
    scheduleGc(n);
    c.kubelet.imagePresent(p);
    pump(n);
  }

  /**
   * The kubelet checks image disk usage every 5 min (k/k pkg/kubelet/kubelet.go ImageGCPeriod,
   * counted from the node joining) and collects at 85% down to 80%. The check is only scheduled
   * while usage is above the high threshold, so an idle simulation still runs dry.
   */
  void scheduleGc(Node n) {
    if (n.gcPending
        || n.cache.usagePercent() <= ImageCache.HIGH_THRESHOLD_PERCENT
        || n.joinedAt < 0) {
      return;
    }
    n.gcPending = true;
    long now = c.sim.now();
    long next =
        n.joinedAt + ((now - n.joinedAt) / IMAGE_GC_PERIOD_MILLIS + 1) * IMAGE_GC_PERIOD_MILLIS;
    c.sim.scheduleAt(
        next,
        () -> {
          n.gcPending = false;
          if (n.responsive && n.state != NodeState.GONE) {
            c.recorder.collected(n.cache.collectGarbage(c.sim.now()));
          }
        });
  }

  @Override
  public String toString() {
    return "ImagePuller[max parallel pulls " + c.config.maxParallelImagePulls() + "]";
  }
}
