package io.platformsim.core.kusp;

import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.Resources;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.resource.DimensionRegistry;
import java.util.Arrays;

/**
 * One pod as the simulated API server and kubelet see it: its owner, request, QoS class and
 * priority, phase, container state, node, readiness and the times of its life. Read-only to
 * callers; {@link KuspPlatform} changes it as events happen. A pod is in exactly one {@link
 * PodPhase} at a time.
 */
public final class Pod {
  // creation number; an int (a long cost 8 more bytes per pod, with padding): a run creating
  // 2^31 pods would need hundreds of GB of heap first, and Math.toIntExact says so if it does
  final int seq;
  // What the pod shares with every pod of its ReplicaSet or DaemonSet (service, revision, image,
  // request, QoS, priority): one reference instead of six fields.
  final PodKind kind;
  // Its scheduler spec, which also holds its name: a name field of its own was 4 bytes per pod
  // for the same string.
  final PodSpec spec;
  Object owner;
  Node node;
  String waitingReason = "Unschedulable";
  // The pod's booleans as bits of one short (fourteen boolean fields took, with padding, eight
  // bytes more per pod).
  private short flags;
  // PodPhase and ContainerState ordinals: two bytes instead of two references
  private byte phase = (byte) PodPhase.PENDING.ordinal();
  private byte container = (byte) ContainerState.WAITING.ordinal();
  private static final int DAEMON = 1;
  private static final int BROKEN = 1 << 1;
  private static final int READY = 1 << 2;
  private static final int AVAILABLE = 1 << 3;
  // counted in its ReplicaSet's available pods (ReplicaSet.available)
  private static final int COUNTED_AVAILABLE = 1 << 4;
  private static final int TERMINATING = 1 << 5;
  private static final int GONE = 1 << 6;
  private static final int PULLING = 1 << 7;
  // Identity (issue 6): whether the pod holds an address and credentials in the cluster's
  // identity layer, and whether it waits (or ever waited) for an address.
  private static final int AWAITING_ADDRESS = 1 << 10;
  private static final int EVER_AWAITED_ADDRESS = 1 << 11;
  private static final int HAS_IDENTITY = 1 << 12;
  private static final PodPhase[] PHASES = PodPhase.values();
  private static final ContainerState[] CONTAINER_STATES = ContainerState.values();
  // index in LivePods' array, -1 once gone
  int slot = -1;
  long createdAt;
  // The other times of its life as int offsets from createdAt, UNSET for "not yet" (-1 to
  // callers), WIDE when an offset does not fit an int (a time 24.8 simulated days or more after
  // creation), the exact time then kept in restartState: four longs were 16 of a pod's bytes.
  // Exact either way.
  private int scheduledOffset = UNSET;
  private int readyOffset = UNSET;
  private int availableOffset = UNSET;
  // the first (for most pods the only) container start; later ones are in restartState
  private int lastStartOffset = UNSET;
  private static final int UNSET = -1;
  private static final int WIDE = Integer.MIN_VALUE;
  private static final int SCHEDULED_AT = 0;
  private static final int READY_AT = 1;
  private static final int AVAILABLE_AT = 2;
  private static final int LAST_START_AT = 3;
  // What only a pod on its way to its first Ready needs (created on first write, dropped at
  // that Ready by startupDone), what only a restarting pod or one renewing credentials needs
  // (created on first use), and the handles of its pending events (created when one is
  // scheduled, dropped when none is left). A Ready pod at scale carries none: they were 76 of
  // its 208 bytes.
  private Startup startup;
  private Restarts restartState;
  private Timers timers;

  /** The pod's pending kubelet events: their handles, -1 for none. */
  private static final class Timers {
    // pull done, container running, container exit or end of termination
    long timer = -1;
    // Ready or available
    long readyTimer = -1;
  }

  /** Scheduling queue, preemption, pull and credential state of a pod not yet Ready. */
  private static final class Startup {
    long pulledAt = -1;
    long runningAt = -1;
    long credentialsReadyAt = -1;
    String unschedulableMessage;
    Node nominated;
  }

  /**
   * What only a restarting pod, or one renewing its credentials, needs (and the rare time too far
   * from the pod's creation for an int offset).
   */
  static final class Restarts {
    int restarts;
    int backOffCount;
    long lastBackOffAt = -1;
    long[] starts;
    int startCount;
    long certificateRenewal = -1;
    long tokenRenewal = -1;
    // exact times whose offset is WIDE, by SCHEDULED_AT .. LAST_START_AT
    long[] wideTimes;
  }

  // A pod outside any platform (tests), with a bare scheduler spec named id.
  Pod(
      long seq,
      String id,
      String service,
      int revision,
      boolean daemon,
      ImageDescription image,
      Resources request,
      QosClass qos,
      int priority,
      boolean broken,
      long createdAt) {
    this(
        seq,
        new PodKind(service, revision, image, request, qos, priority, null),
        daemon,
        PodSpec.builder(id, DimensionRegistry.standard()).build(),
        broken,
        createdAt);
  }

  /** A pod named {@code spec.id()}. */
  Pod(long seq, PodKind kind, boolean daemon, PodSpec spec, boolean broken, long createdAt) {
    this.seq = Math.toIntExact(seq);
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

  boolean hasIdentity() {
    return (flags & HAS_IDENTITY) != 0;
  }

  /** Handle of its pending pull, start, exit or termination event, or -1. */
  long timer() {
    return timers == null ? -1 : timers.timer;
  }

  void timer(long handle) {
    if (handle >= 0 || timers != null) {
      timers().timer = handle;
      dropIdleTimers();
    }
  }

  /** Handle of its pending Ready or available event, or -1. */
  long readyTimer() {
    return timers == null ? -1 : timers.readyTimer;
  }

  void readyTimer(long handle) {
    if (handle >= 0 || timers != null) {
      timers().readyTimer = handle;
      dropIdleTimers();
    }
  }

  private Timers timers() {
    if (timers == null) {
      timers = new Timers();
    }
    return timers;
  }

  private void dropIdleTimers() {
    if (timers.timer < 0 && timers.readyTimer < 0) {
      timers = null;
    }
  }

  boolean awaitingAddress() {
    return (flags & AWAITING_ADDRESS) != 0;
  }

  boolean everAwaitedAddress() {
    return (flags & EVER_AWAITED_ADDRESS) != 0;
  }

  void setReady(boolean on) {
    setFlag(READY, on);
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

  void setHasIdentity(boolean on) {
    setFlag(HAS_IDENTITY, on);
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
    long lastStartAt = time(lastStartOffset, LAST_START_AT);
    if (lastStartAt < 0 && (restartState == null || restartState.startCount == 0)) {
      lastStartOffset = offset(t, LAST_START_AT);
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
    lastStartOffset = offset(t, LAST_START_AT);
  }

  // The time kept as offset (slot which of the wide times when it did not fit), -1 if unset.
  private long time(int offset, int which) {
    if (offset == UNSET) {
      return -1;
    }
    return offset == WIDE ? restartState.wideTimes[which] : createdAt + offset;
  }

  // The offset to keep for time t (-1: unset), storing t itself in the wide slot which when the
  // offset does not fit.
  private int offset(long t, int which) {
    if (t == -1) {
      return UNSET;
    }
    long d = t - createdAt;
    if (d >= 0 && d <= Integer.MAX_VALUE) {
      return (int) d;
    }
    Restarts r = restartState();
    if (r.wideTimes == null) {
      r.wideTimes = new long[4];
    }
    r.wideTimes[which] = t;
    return WIDE;
  }

  void scheduledAt(long t) {
    scheduledOffset = offset(t, SCHEDULED_AT);
  }

  void readyAt(long t) {
    readyOffset = offset(t, READY_AT);
  }

  /** First time available, or -1. */
  long availableAt() {
    return time(availableOffset, AVAILABLE_AT);
  }

  void availableAt(long t) {
    availableOffset = offset(t, AVAILABLE_AT);
  }

  void phase(PodPhase p) {
    phase = (byte) p.ordinal();
  }

  void containerState(ContainerState c) {
    container = (byte) c.ordinal();
  }

  /** One more container restart. */
  void restarted() {
    restartState().restarts++;
  }

  /** Pod name, e.g. {@code zebra-r2-7}. */
  public String id() {
    return spec.id();
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
    return PHASES[phase];
  }

  /** Its container's state. */
  public ContainerState containerState() {
    return CONTAINER_STATES[container];
  }

  /**
   * Why the container is waiting (Unschedulable, ContainerCreating, ImagePull, CrashLoopBackOff),
   * or "".
   */
  public String waitingReason() {
    return containerState() == ContainerState.WAITING ? waitingReason : "";
  }

  /** The node's name, or {@code null} while unscheduled. */
  public String nodeName() {
    return node == null ? null : node.name;
  }

  /** Whether it is Ready. */
  public boolean ready() {
    return (flags & READY) != 0;
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
    return restartState == null ? 0 : restartState.restarts;
  }

  /** Creation time. */
  public long createdAt() {
    return createdAt;
  }

  /** Bind time, or -1. */
  public long scheduledAt() {
    return time(scheduledOffset, SCHEDULED_AT);
  }

  /** First time Ready, or -1. */
  public long readyAt() {
    return time(readyOffset, READY_AT);
  }

  /** The times the container was started (running), in order. */
  public long[] startTimes() {
    if (restartState == null || restartState.starts == null) {
      long lastStartAt = time(lastStartOffset, LAST_START_AT);
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
    ContainerState container = containerState();
    return "Pod["
        + id()
        + " "
        + phase()
        + "/"
        + container
        + (container == ContainerState.WAITING ? "(" + waitingReason + ")" : "")
        + (node == null ? "" : " on " + node.name)
        + (ready() ? " ready" : "")
        + (terminating() ? " terminating" : "")
        + " "
        + kind.qos()
        + " prio "
        + kind.priority()
        + (restarts() > 0 ? " restarts " + restarts() : "")
        + "]";
  }
}
