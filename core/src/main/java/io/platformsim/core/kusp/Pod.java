package io.platformsim.core.kusp;

import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.Resources;
import io.platformsim.scheduler.pod.PodSpec;
import java.util.Arrays;

/**
 * One pod as the simulated API server and kubelet see it: its owner, request, QoS class and
 * priority, phase, container state, node, readiness and the times of its life. Read-only to
 * callers; {@link KuspPlatform} changes it as events happen. A pod is in exactly one
 * {@link PodPhase} at a time.
 */
public final class Pod {
  final long seq;
  final String id;
  final String service;
  final int revision;
  final boolean daemon;
  final ImageDescription image;
  final Resources request;
  final QosClass qos;
  final int priority;
  final PodSpec spec;
  final boolean broken;
  Object owner;
  PodPhase phase = PodPhase.PENDING;
  ContainerState container = ContainerState.WAITING;
  String waitingReason = "Unschedulable";
  Node node;
  Node nominated;
  boolean ready;
  boolean available;
  // counted in its ReplicaSet's available pods (KuspPlatform.ReplicaSet)
  boolean countedAvailable;
  boolean terminating;
  boolean gone;
  boolean pulling;
  boolean inQueue;
  int restarts;
  // index in KuspPlatform's live pod array, -1 once gone
  int slot = -1;
  long queueSeq;
  long createdAt;
  long scheduledAt = -1;
  long pulledAt = -1;
  long runningAt = -1;
  long readyAt = -1;
  long availableAt = -1;
  // the first (for most pods the only) container start; later ones are in restartState
  long lastStartAt = -1;
  long timer = -1;
  long readyTimer = -1;
  String unschedulableMessage;
  // CrashLoopBackOff state and every container start time, created at the second start or the
  // first back-off: most pods start once, and these fields were a sixth of every pod.
  private Restarts restartState;

  /** What only a restarting pod needs. */
  static final class Restarts {
    int backOffCount;
    long lastBackOffAt = -1;
    long[] starts;
    int startCount;
  }
  // Identity (issue 6): whether the pod holds an address and credentials in the cluster's
  // identity layer, when both credentials are issued, and whether it waits for an address.
  boolean hasIdentity;
  long credentialsReadyAt = -1;
  boolean awaitingAddress;
  boolean everAwaitedAddress;
  long certificateRenewal = -1;
  long tokenRenewal = -1;

  Pod(long seq, String id, String service, int revision, boolean daemon, ImageDescription image, Resources request,
      QosClass qos, int priority, PodSpec spec, boolean broken, long createdAt) {
    this.seq = seq;
    this.id = id;
    this.service = service;
    this.revision = revision;
    this.daemon = daemon;
    this.image = image;
    this.request = request;
    this.qos = qos;
    this.priority = priority;
    this.spec = spec;
    this.broken = broken;
    this.createdAt = createdAt;
  }

  /** The restart state, created on first use. */
  Restarts restartState() {
    if (restartState == null) {
      restartState = new Restarts();
    }
    return restartState;
  }

  void recordStart(long t) {
    if (lastStartAt < 0 && (restartState == null || restartState.startCount == 0)) {
      lastStartAt = t;
      return;
    }
    Restarts r = restartState();
    if (r.starts == null) {
      r.starts = new long[4];
      r.starts[0] = lastStartAt;
      r.startCount = 1;
    } else if (r.startCount == r.starts.length) {
      r.starts = Arrays.copyOf(r.starts, r.startCount * 2);
    }
    r.starts[r.startCount++] = t;
    lastStartAt = t;
  }

  /** Pod name, e.g. {@code zebra-r2-7}. */
  public String id() {
    return id;
  }

  /** The service (Deployment) it belongs to, or the DaemonSet name. */
  public String service() {
    return service;
  }

  /** The ReplicaSet revision it was created from (0 for DaemonSet pods). */
  public int revision() {
    return revision;
  }

  /** Whether it is a system DaemonSet pod. */
  public boolean daemon() {
    return daemon;
  }

  /** Its container image. */
  public ImageDescription image() {
    return image;
  }

  /** Its CPU and memory request. */
  public Resources request() {
    return request;
  }

  /** Its QoS class. */
  public QosClass qosClass() {
    return qos;
  }

  /** Its priority. */
  public int priority() {
    return priority;
  }

  /** Its phase. */
  public PodPhase phase() {
    return phase;
  }

  /** Its container's state. */
  public ContainerState containerState() {
    return container;
  }

  /** Why the container is waiting (Unschedulable, ContainerCreating, ImagePull, CrashLoopBackOff), or "". */
  public String waitingReason() {
    return container == ContainerState.WAITING ? waitingReason : "";
  }

  /** The node's name, or {@code null} while unscheduled. */
  public String nodeName() {
    return node == null ? null : node.name;
  }

  /** Whether it is Ready. */
  public boolean ready() {
    return ready;
  }

  /** Whether it is available (Ready for minReadySeconds). */
  public boolean available() {
    return available;
  }

  /** Whether it has a deletion timestamp. */
  public boolean terminating() {
    return terminating;
  }

  /** Container restarts so far. */
  public int restarts() {
    return restarts;
  }

  /** Creation time. */
  public long createdAt() {
    return createdAt;
  }

  /** Bind time, or -1. */
  public long scheduledAt() {
    return scheduledAt;
  }

  /** First time Ready, or -1. */
  public long readyAt() {
    return readyAt;
  }

  /** The times the container was started (running), in order. */
  public long[] startTimes() {
    if (restartState == null || restartState.starts == null) {
      return lastStartAt < 0 ? new long[0] : new long[] {lastStartAt};
    }
    return Arrays.copyOf(restartState.starts, restartState.startCount);
  }

  /** The scheduler's message while unschedulable, or {@code null}. */
  public String unschedulableMessage() {
    return unschedulableMessage;
  }

  @Override
  public String toString() {
    return "Pod[" + id + " " + phase + "/" + container + (container == ContainerState.WAITING ? "(" + waitingReason + ")" : "")
        + (node == null ? "" : " on " + node.name) + (ready ? " ready" : "") + (terminating ? " terminating" : "")
        + " " + qos + " prio " + priority + (restarts > 0 ? " restarts " + restarts : "") + "]";
  }
}
