package io.platformsim.core.lesp;

import io.platformsim.core.engine.EventQueue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One LeSP virtual machine: the service it runs, its instance type, the base image it booted, its
 * identity, the application version it runs and its state with every time-stamped transition. The
 * simulation changes it; users read it. A machine is always in exactly one {@link MachineState},
 * and every transition it records is allowed by {@link MachineState#canMoveTo}.
 */
public final class Machine {
  private final int id;
  private final String name;
  private final String service;
  private final InstanceType type;
  private final BaseImage image;
  private MachineIdentity identity;
  // Transitions as columns (time, state entered, cause; the state left is the previous entry's),
  // records built on demand by transitions(): a machine records about nine, and a Transition
  // record plus its list slot cost three times the columns at 100,000 machines.
  private long[] transitionAt = new long[TRANSITIONS_EXPECTED];
  private byte[] transitionTo = new byte[TRANSITIONS_EXPECTED];
  private String[] transitionCause = new String[TRANSITIONS_EXPECTED];
  private int transitionCount;
  private MachineState state;
  private String version;

  // Simulation bookkeeping, package-private (MachineLifecycle and the rollouts): the pending step
  // event (cancelled on a crash), the pending crash event, the process waiting on this machine,
  // the rollout that launched it until it hands it to the pool (null: a pool member), whether it
  // is being retired.
  long stepEvent = EventQueue.NO_EVENT;
  long crashEvent = EventQueue.NO_EVENT;
  long periodicEvent = EventQueue.NO_EVENT;
  MachineWaiter waiter;
  Rollout owner;
  // The pool it belongs to, set at launch: a retired pool has left the platform's map while its
  // machines still drain, and a redeployed service has a new pool under the same name.
  ServicePool pool;
  boolean retiring;
  boolean healthy = true;
  long deployStartMillis = -1;
  // Identity bookkeeping: the address held (AddressPool.NONE while waiting for one) and the
  // pending certificate renewal.
  long address = io.platformsim.identity.ipam.AddressPool.NONE;
  long renewalEvent = EventQueue.NO_EVENT;
  int convergeAttempts;
  // Bought as spot (Pricing): billed at the spot price, interrupted while in service.
  boolean spot;
  // A spot machine's time in service left before its interruption (CommonStreams), else -1.
  long spotLeftMillis = -1;
  private final String zone;

  // requested, pending, booting, converging, deploying, in service, then a redeploy: drain,
  // deploy, in service
  private static final int TRANSITIONS_EXPECTED = 10;
  private static final MachineState[] STATES = MachineState.values();

  Machine(
      int id,
      String service,
      InstanceType type,
      BaseImage image,
      String version,
      String zone,
      long atMillis) {
    this.id = id;
    this.zone = zone;
    this.name = service + "-" + id;
    this.service = service;
    this.type = type;
    this.image = image;
    this.version = version;
    this.identity = MachineIdentity.unassigned(name, service);
    this.state = MachineState.REQUESTED;
    record(atMillis, MachineState.REQUESTED, "requested");
  }

  private void record(long atMillis, MachineState to, String cause) {
    if (transitionCount == transitionAt.length) {
      int n = transitionCount * 2;
      transitionAt = Arrays.copyOf(transitionAt, n);
      transitionTo = Arrays.copyOf(transitionTo, n);
      transitionCause = Arrays.copyOf(transitionCause, n);
    }
    transitionAt[transitionCount] = atMillis;
    transitionTo[transitionCount] = (byte) to.ordinal();
    transitionCause[transitionCount] = cause;
    transitionCount++;
  }

  /** The availability zone it runs in. */
  public String zone() {
    return zone;
  }

  /** Whether it was bought as a spot instance. */
  public boolean spot() {
    return spot;
  }

  /** Launch-order number, unique within a platform, from 1. */
  public int id() {
    return id;
  }

  /** {@code service-id}, e.g. {@code zebra-17}. */
  public String name() {
    return name;
  }

  /** The one service this machine runs. */
  public String service() {
    return service;
  }

  /** Its instance type. */
  public InstanceType type() {
    return type;
  }

  /** The base image it booted from. */
  public BaseImage image() {
    return image;
  }

  /** Its machine-granular identity now (address and certificate arrive during launch and boot). */
  public MachineIdentity identity() {
    return identity;
  }

  /** The current state. */
  public MachineState state() {
    return state;
  }

  /** The application version deployed (or being deployed) on it. */
  public String version() {
    return version;
  }

  /**
   * Every state change, oldest first; the first entry (REQUESTED → REQUESTED) marks the request
   * time.
   */
  public List<Transition> transitions() {
    List<Transition> out = new ArrayList<>(transitionCount);
    MachineState from = MachineState.REQUESTED;
    for (int i = 0; i < transitionCount; i++) {
      MachineState to = STATES[transitionTo[i]];
      out.add(new Transition(transitionAt[i], from, to, transitionCause[i]));
      from = to;
    }
    return Collections.unmodifiableList(out);
  }

  /** Time it entered its current state. */
  public long sinceMillis() {
    return transitionAt[transitionCount - 1];
  }

  /** Time it was requested. */
  public long requestedAtMillis() {
    return transitionAt[0];
  }

  void moveTo(MachineState next, long atMillis, String cause) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException(
          "machine " + name + " cannot move from " + state + " to " + next + " (" + cause + ")");
    }
    record(atMillis, next, cause);
    state = next;
  }

  void identity(MachineIdentity i) {
    this.identity = i;
  }

  void version(String v) {
    this.version = v;
  }

  @Override
  public String toString() {
    return "Machine["
        + name
        + " "
        + state
        + " v"
        + version
        + " on "
        + image
        + ", "
        + type.name()
        + ", "
        + identity.ip()
        + "]";
  }
}
