package io.platformsim.core.kusp;

/**
 * The kubelet of every node (one object serving all nodes: a pod's pending events live on the pod,
 * so per-node objects would only add memory). It admits a bound pod (its address and credentials
 * from {@link PodIdentity}), has the {@link ImagePuller} pull the image, starts the container, runs
 * the probes, marks the pod Ready and available, restarts a crashed container after
 * CrashLoopBackOff (k/k pkg/kubelet/kubelet.go), and terminates a deleted pod gracefully.
 * Heartbeats are implicit ({@link Node#lastHeartbeat}).
 */
final class Kubelet {
  private final Cluster c;

  Kubelet(Cluster c) {
    this.c = c;
  }

  /**
   * The kubelet sets the pod up: it takes an address (the CNI's ADD at sandbox creation) and its
   * certificate and service-account token (mounted volumes) from the identity layer, then pulls and
   * starts. Without an address the pod stays Pending until {@link PodIdentity} retries it.
   */
  void startPod(Pod p) {
    if (!c.podIdentity.admit(p)) {
      return;
    }
    c.images.pullAndStart(p);
  }

  /** The node stopped responding: every timer of its pods stops, its pull queue is lost. */
  void stop(Node n) {
    for (Pod p : n.pods) {
      cancelTimers(p);
      p.setPulling(false);
    }
    n.pullQueue = null;
    n.activePulls = 0;
  }

  /** The image of {@code p} is on its node: start the container. */
  void imagePresent(Pod p) {
    if (p.readyAt() < 0) {
      p.pulledAt(c.sim.now());
    }
    startContainer(p);
  }

  private void startContainer(Pod p) {
    Deployment d = Cluster.deploymentOf(p);
    p.containerState(ContainerState.WAITING);
    p.waitingReason = "ContainerCreating";
    long startup = d == null ? 0 : d.service.startupMillis();
    // The container cannot start before its certificate and token are issued.
    long credentials = Math.max(0, p.credentialsReadyAt() - c.sim.now());
    p.timer(c.sim.schedule(credentials + startup, () -> running(p)));
  }

  /**
   * The container runs: the readiness probe passes at its first tick at or after the health check
   * (after the startup probe, if any); a broken pod is never Ready and is killed by a failing
   * startup or liveness probe; a crashing container exits after {@code crashAfterMillis}.
   */
  private void running(Pod p) {
    long now = c.sim.now();
    p.timer(-1);
    p.containerState(ContainerState.RUNNING);
    // Read only for the first Ready's start-up split; the start-up state is dropped then.
    if (p.readyAt() < 0 && p.runningAt() < 0) {
      p.runningAt(now);
    }
    c.recorder.setPhase(p, PodPhase.RUNNING);
    p.recordStart(now);
    p.node.cache.acquire(p.image(), now);
    Deployment d = Cluster.deploymentOf(p);
    if (d == null) {
      return;
    }
    d.running++;
    c.recorder.refreshUsage(d);
    DeploymentSpec spec = d.spec;
    long crash = spec.crashAfterMillis();
    if (!p.broken()) {
      long hc = d.service.healthCheckMillis();
      long startupDone = spec.startup() == null ? 0 : spec.startup().firstSuccessAfter(hc);
      long readyIn = spec.readiness().firstSuccessAfter(Math.max(hc, startupDone));
      if (crash < 0 || readyIn < crash) {
        p.readyTimer(c.sim.schedule(readyIn, () -> markReady(p)));
      }
    }
    long killIn = -1;
    if (p.broken()) {
      if (spec.startup() != null) {
        killIn = spec.startup().failedAfter();
      } else if (spec.liveness() != null) {
        killIn = spec.liveness().failedAfter();
      }
    }
    if (crash >= 0 && (killIn < 0 || crash <= killIn)) {
      p.timer(c.sim.schedule(crash, () -> containerExited(p, 1)));
    } else if (killIn >= 0) {
      p.timer(c.sim.schedule(killIn, () -> containerExited(p, 137)));
    }
  }

  private void stopRunning(Pod p) {
    long now = c.sim.now();
    p.node.cache.release(p.image(), now);
    c.images.scheduleGc(p.node);
    Deployment d = Cluster.deploymentOf(p);
    if (d != null) {
      d.running--;
      c.recorder.refreshUsage(d);
    }
  }

  /**
   * The container exited: restartPolicy Always (the only one Deployments allow) restarts it after
   * the CrashLoopBackOff delay, which doubles per restart and starts over after a clean run of the
   * reset period ({@link CrashLoopBackOff}).
   */
  private void containerExited(Pod p, int exitCode) {
    long now = c.sim.now();
    p.timer(-1);
    p.readyTimer(c.cancelled(p.readyTimer()));
    stopRunning(p);
    p.containerState(ContainerState.TERMINATED);
    setUnready(p);
    if (!RestartPolicy.ALWAYS.restarts(exitCode)) {
      return;
    }
    CrashLoopBackOff backOff = c.config.crashLoopBackOff();
    Pod.Restarts r = p.restartState();
    if (r.lastBackOffAt >= 0 && now - r.lastBackOffAt > backOff.resetMillis()) {
      r.backOffCount = 0;
    }
    r.backOffCount++;
    r.lastBackOffAt = now;
    p.restarted();
    c.recorder.containerRestarted();
    p.containerState(ContainerState.WAITING);
    p.waitingReason = "CrashLoopBackOff";
    p.timer(c.sim.schedule(backOff.delayBeforeRestart(r.backOffCount), () -> startContainer(p)));
  }

  private void markReady(Pod p) {
    long now = c.sim.now();
    p.readyTimer(-1);
    p.setReady(true);
    if (p.readyAt() < 0) {
      p.readyAt(now);
      c.recorder.startups.add(
          p.id(),
          p.owner instanceof ReplicaSet rs ? rs : null,
          ordinalOf(p.id()),
          p.scheduledAt() - p.createdAt,
          p.pulledAt() - p.scheduledAt(),
          p.runningAt() - p.pulledAt(),
          p.readyAt() - p.runningAt());
      // Queueing, pulls, credentials and preemption are behind it: its start-up state goes.
      p.startupDone();
    }
    Deployment d = Cluster.deploymentOf(p);
    long minReady = d == null ? 0 : d.spec.minReadyMillis();
    if (minReady == 0) {
      markAvailable(p);
    } else {
      p.readyTimer(c.sim.schedule(minReady, () -> markAvailable(p)));
    }
  }

  /** The number after a pod name's last '-' ({@code web-r2-7} → 7), or -1 if there is none. */
  static int ordinalOf(String id) {
    int dash = id.lastIndexOf('-');
    if (dash < 0 || dash == id.length() - 1 || id.length() - dash > 10) {
      return -1;
    }
    int n = 0;
    for (int i = dash + 1; i < id.length(); i++) {
      char ch = id.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      n = n * 10 + (ch - '0');
    }
    return n;
  }

  private void markAvailable(Pod p) {
    p.readyTimer(-1);
    if (!p.ready() || p.terminating()) {
      return;
    }
    p.setAvailable(true);
    if (p.availableAt() < 0) {
      p.availableAt(c.sim.now());
    }
    Deployment d = Cluster.deploymentOf(p);
    if (d == null) {
      return;
    }
    ReplicaSet rs = (ReplicaSet) p.owner;
    rs.countAvailable(p);
    if (rs.revision > 1 && p.availableAt() == c.sim.now()) {
      c.recorder.rolloutPodAvailable(p.availableAt() - p.createdAt);
    }
    if (d.evictedAt != null && !d.evictedAt.isEmpty()) {
      d.evictedAt.poll();
      c.recorder.failureRecovered();
    }
    c.deploymentController.podAvailable(d, rs);
  }

  /** {@code p} is no longer Ready (nor available); its owner hears of it if it was available. */
  void setUnready(Pod p) {
    boolean wasAvailable = p.available();
    p.setReady(false);
    p.setAvailable(false);
    if (p.owner instanceof ReplicaSet rs) {
      rs.uncountAvailable(p);
    }
    p.readyTimer(c.cancelled(p.readyTimer()));
    Deployment d = Cluster.deploymentOf(p);
    if (wasAvailable && d != null) {
      c.deploymentController.availabilityChanged(d);
    }
  }

  private void cancelTimers(Pod p) {
    p.timer(c.cancelled(p.timer()));
    p.readyTimer(c.cancelled(p.readyTimer()));
  }

  /**
   * Deletes a pod (sets its deletion timestamp): it leaves its ReplicaSet at once; a running
   * container gets SIGTERM and exits after {@code min(shutdown, grace)}; otherwise it is removed at
   * once. {@code phaseIfKilled} is the phase it ends in when it does not exit cleanly.
   */
  void deletePod(Pod p, PodPhase phaseIfKilled) {
    if (p.terminating() || p.gone()) {
      return;
    }
    p.setTerminating(true);
    setUnready(p);
    cancelTimers(p);
    c.queue.delete(p);
    if (p.nominated() != null) {
      p.nominated().nominated.remove(p);
      p.nominated(null);
    }
    ReplicaSet rs = p.owner instanceof ReplicaSet r ? r : null;
    if (rs != null) {
      rs.remove(p);
      rs.terminating++;
    }
    Node n = p.node;
    if (n != null) {
      c.images.cancel(p, n);
    }
    if (n == null || !n.responsive || n.state == NodeState.GONE) {
      finish(p, phaseIfKilled);
    } else if (p.containerState() == ContainerState.RUNNING) {
      Deployment d = Cluster.deploymentOf(p);
      long shutdown = d == null ? 0 : d.spec.shutdownMillis();
      long grace = c.config.terminationGracePeriodMillis();
      PodPhase end = shutdown <= grace ? PodPhase.SUCCEEDED : PodPhase.FAILED;
      p.timer(c.sim.schedule(Math.min(shutdown, grace), () -> finish(p, end)));
    } else {
      finish(p, phaseIfKilled == PodPhase.FAILED ? PodPhase.FAILED : PodPhase.SUCCEEDED);
    }
    if (rs != null) {
      c.deploymentController.requestSync(rs.deployment);
    }
  }

  /** The pod's containers are gone: free its resources and remove it. */
  void finish(Pod p, PodPhase phase) {
    if (p.gone()) {
      return;
    }
    cancelTimers(p);
    if (p.containerState() == ContainerState.RUNNING) {
      stopRunning(p);
    }
    p.containerState(ContainerState.TERMINATED);
    c.recorder.setPhase(p, phase);
    c.recorder.podGone(phase);
    p.setGone(true);
    c.recorder.sample();
    c.pods.remove(p);
    c.queue.delete(p);
    Node n = p.node;
    boolean released = c.podIdentity.release(p);
    if (n != null) {
      if (c.table.bound(p.id()) != null) {
        c.table.unbind(p.id());
      }
      n.pods.remove(p);
      if (!p.daemon()) {
        c.recorder.allocated(p, -1);
      }
      c.stranded.update(n);
      // A node being removed finishes its DaemonSet pods itself: it must not re-enter removal
      // (that billed it off once per DaemonSet pod).
      if (n.state == NodeState.DRAINING
          && !n.removing
          && n.pods.stream().allMatch(x -> x.daemon())) {
        c.nodeLifecycle.removeNode(n);
      }
      c.scheduling.bindNominated(n);
      if (released) {
        c.podIdentity.retryAddress(n);
      }
    }
    if (p.owner instanceof ReplicaSet rs) {
      if (p.terminating()) {
        rs.terminating--;
      } else {
        rs.remove(p);
      }
      c.deploymentController.requestSync(rs.deployment);
    }
    if (n != null) {
      c.queue.retryAfterRemoval(n);
    }
  }

  @Override
  public String toString() {
    return "Kubelet[" + c.nodes.size() + " nodes]";
  }
}
