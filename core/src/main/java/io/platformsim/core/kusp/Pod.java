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
  // creation number; an int (a long cost 8 more bytes per pod, with padding): a run creating
  // 2^31 pods would need hundreds of GB of heap first, and Math.toIntExact says so if it does
  final int seq;
  final String id;
  // What the pod shares with every pod of its ReplicaSet or DaemonSet (service, revision, image,
  // request, QoS, priority): one reference instead of six fields, 16 of a Pod's 144 bytes.
  final PodKind kind;
  final PodSpec spec;
  Object owner;
  PodPhase phase = PodPhase.PENDING;
  ContainerState container = ContainerState.WAITING;
  String waitingReason = "Unschedulable";
  Node node;
  // The pod's booleans as bits of one short (twelve boolean fields took, with padding, eight
  // bytes more per pod). ready and hasIdentity stay fields: tests set and read them directly.
  private short flags;
  boolean ready;
  boolean hasIdentity;
  private static final int DAEMON = 1;
  private static final int BROKEN = 1 << 1;
  private static final int AVAILABLE = 1 << 3;
  // counted in its ReplicaSet's available pods (KuspPlatform.ReplicaSet)
  private static final int COUNTED_AVAILABLE = 1 << 4;
  private static final int TERMINATING = 1 << 5;
  private static final int GONE = 1 << 6;
  private static final int PULLING = 1 << 7;
  private static final int IN_QUEUE = 1 << 8;
  // Identity (issue 6): whether the pod holds an address and credentials in the cluster's
  // identity layer, and whether it waits (or ever waited) for an address.
  private static final int AWAITING_ADDRESS = 1 << 10;
  private static final int EVER_AWAITED_ADDRESS = 1 << 11;
  int restarts;
  // index in KuspPlatform's live pod array, -1 once gone
  int slot = -1;
  long createdAt;
  long scheduledAt = -1;
  long readyAt = -1;
  long availableAt = -1;
  // the first (for most pods the only) container start; later ones are in restartState
  long lastStartAt = -1;
  long timer = -1;
  long readyTimer = -1;
  // What only a pod on its way to its first Ready needs (created on first write, dropped at
  // that Ready by startupDone), and what only a restarting pod or one renewing credentials needs
  // (created on first use). A Ready pod at scale carries neither: they were 60 of its 208 bytes.
  private Startup startup;
  private Restarts restartState;

  /** Scheduling queue, preemption, pull and credential state of a pod not yet Ready. */
  private static final class Startup {
    long queueSeq;
    long pulledAt = -1;
    long runningAt = -1;
    long credentialsReadyAt = -1;
    String unschedulableMessage;
    Node nominated;
  }

  /** What only a restarting pod, or one renewing its credentials, needs. */
  static final class Restarts {
    int backOffCount;
    long lastBackOffAt = -1;
    long[] starts;
    int startCount;
    long certificateRenewal = -1;
    long tokenRenewal = -1;
  }

  Pod(long seq, String id, String service, int revision, boolean daemon, ImageDescription image, Resources request,
      QosClass qos, int priority, PodSpec spec, boolean broken, long createdAt) {
    this(seq, id, new PodKind(service, revision, image, request, qos, priority, null), daemon, spec, broken,
        createdAt);
  }

  Pod(long seq, String id, PodKind kind, boolean daemon, PodSpec spec, boolean broken, long createdAt) {
    this.seq = Math.toIntExact(seq);
    this.id = id;
    this.kind = kind;
    setFlag(DAEMON, daemon);
    this.spec = spec;
    setFlag(BROKEN, broken);
    this.createdAt = createdAt;
  }

  private void setFlag(int flag, boolean on) {
    flags = (short) (on ? flags | flag : flags & ~flag);
  }

  boolean broken() {
    return (flags & BROKEN) != 0;
  }

  boolean countedAvailable() {
    return (flags & COUNTED_AVAILABLE) != 0;
  }

  boolean gone() {
    return (flags & GONE) != 0;
  }

  boolean pulling() {
    return (flags & PULLING) != 0;
  }

  boolean inQueue() {
    return (flags & IN_QUEUE) != 0;
  }

  boolean hasIdentity() {
    return hasIdentity;
  }

  boolean awaitingAddress() {
    return (flags & AWAITING_ADDRESS) != 0;
  }

  boolean everAwaitedAddress() {
    return (flags & EVER_AWAITED_ADDRESS) != 0;
  }

  void setReady(boolean on) {
    ready = on;
  }

  void setAvailable(boolean on) {
    setFlag(AVAILABLE, on);
  }

  void setCountedAvailable(boolean on) {
    setFlag(COUNTED_AVAILABLE, on);
  }

  void setTerminating(boolean on) {
    setFlag(TERMINATING, on);
  }

  void setGone(boolean on) {
    setFlag(GONE, on);
  }

  void setPulling(boolean on) {
    setFlag(PULLING, on);
  }

  void setInQueue(boolean on) {
    setFlag(IN_QUEUE, on);
  }

  void setHasIdentity(boolean on) {
    hasIdentity = on;
  }

  void setAwaitingAddress(boolean on) {
    setFlag(AWAITING_ADDRESS, on);
  }

  void setEverAwaitedAddress(boolean on) {
    setFlag(EVER_AWAITED_ADDRESS, on);
  }

  private Startup startup() {
    if (startup == null) {
      startup = new Startup();
    }
    return startup;
  }

  /** The pod became Ready for the first time: its start-up state is no longer read. */
  void startupDone() {
    startup = null;
  }

  long queueSeq() {
    return startup == null ? 0 : startup.queueSeq;
  }

  void queueSeq(long v) {
    startup().queueSeq = v;
  }

  long pulledAt() {
    return startup == null ? -1 : startup.pulledAt;
  }

  void pulledAt(long v) {
    startup().pulledAt = v;
  }

  long runningAt() {
    return startup == null ? -1 : startup.runningAt;
  }

  void runningAt(long v) {
    startup().runningAt = v;
  }

  // After the first Ready (start-up state gone) the container started after its credentials were
  // issued, so "-1" (issued before now) gives every later restart the same zero wait.
  long credentialsReadyAt() {
    return startup == null ? -1 : startup.credentialsReadyAt;
  }

  void credentialsReadyAt(long v) {
    startup().credentialsReadyAt = v;
  }

  void unschedulableMessage(String message) {
    if (message != null || startup != null) {
      startup().unschedulableMessage = message;
    }
  }

  Node nominated() {
    return startup == null ? null : startup.nominated;
  }

  void nominated(Node n) {
    if (n != null || startup != null) {
      startup().nominated = n;
    }
  }

  long certificateRenewal() {
    return restartState == null ? -1 : restartState.certificateRenewal;
  }

  void certificateRenewal(long timer) {
    if (timer >= 0 || restartState != null) {
      restartState().certificateRenewal = timer;
    }
  }

  long tokenRenewal() {
    return restartState == null ? -1 : restartState.tokenRenewal;
  }

  void tokenRenewal(long timer) {
    if (timer >= 0 || restartState != null) {
      restartState().tokenRenewal = timer;
    }
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
    return kind.service();
  }

  /** The ReplicaSet revision it was created from (0 for DaemonSet pods). */
  public int revision() {
    return kind.revision();
  }

  /** Whether it is a system DaemonSet pod. */
  public boolean daemon() {
    return (flags & DAEMON) != 0;
  }

  /** Its container image. */
  public ImageDescription image() {
    return kind.image();
  }

  /** Its CPU and memory request. */
  public Resources request() {
    return kind.request();
  }

  /** Its QoS class. */
  public QosClass qosClass() {
    return kind.qos();
  }

  /** Its priority. */
  public int priority() {
    return kind.priority();
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
    return (flags & AVAILABLE) != 0;
  }

  /** Whether it has a deletion timestamp. */
  public boolean terminating() {
    return (flags & TERMINATING) != 0;
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
    return startup == null ? null : startup.unschedulableMessage;
  }

  @Override
  public String toString() {
    return "Pod[" + id + " " + phase + "/" + container + (container == ContainerState.WAITING ? "(" + waitingReason + ")" : "")
        + (node == null ? "" : " on " + node.name) + (ready() ? " ready" : "") + (terminating() ? " terminating" : "")
        + " " + kind.qos() + " prio " + kind.priority() + (restarts > 0 ? " restarts " + restarts : "") + "]";
  }
}
