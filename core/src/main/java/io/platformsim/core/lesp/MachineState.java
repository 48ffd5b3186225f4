package io.platformsim.core.lesp;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a LeSP machine is in its life. The happy path is {@code REQUESTED → PENDING → BOOTING →
 * CONVERGING → DEPLOYING → IN_SERVICE → DRAINING → TERMINATED}; an in-place deploy goes {@code
 * IN_SERVICE → DRAINING → DEPLOYING → IN_SERVICE}; any live state can fail ({@code → FAILED →
 * TERMINATED}) and any state before service can be cancelled straight to {@code TERMINATED}. {@link
 * #canMoveTo} is the whole transition table.
 */
public enum MachineState {
  /** Asked of the cloud, not yet acknowledged. */
  REQUESTED,
  /** Acknowledged, waiting for a host (EC2 "pending"). */
  PENDING,
  /** The OS is booting from the base image. */
  BOOTING,
  /** The first configuration-management converge runs on the machine. */
  CONVERGING,
  /** The artifact is fetched, extracted, started and health-checked; not serving traffic. */
  DEPLOYING,
  /** Behind the load balancer, serving traffic. */
  IN_SERVICE,
  /** Taken out of the load balancer; in-flight requests finish. */
  DRAINING,
  /** Broke (boot failure, failed converge, crash); waiting to be terminated. */
  FAILED,
  /** Gone; no longer billed. */
  TERMINATED;

  private static final Set<MachineState> NONE = EnumSet.noneOf(MachineState.class);

  /** The states this one may move to directly. */
  public Set<MachineState> successors() {
    return switch (this) {
      case REQUESTED -> EnumSet.of(PENDING, FAILED, TERMINATED);
      case PENDING -> EnumSet.of(BOOTING, FAILED, TERMINATED);
      case BOOTING -> EnumSet.of(CONVERGING, FAILED, TERMINATED);
      case CONVERGING -> EnumSet.of(DEPLOYING, FAILED, TERMINATED);
      case DEPLOYING -> EnumSet.of(IN_SERVICE, FAILED, TERMINATED);
      case IN_SERVICE -> EnumSet.of(DRAINING, FAILED);
      case DRAINING -> EnumSet.of(DEPLOYING, TERMINATED, FAILED);
      case FAILED -> EnumSet.of(TERMINATED);
      case TERMINATED -> EnumSet.copyOf(NONE);
    };
  }

  /** Whether the transition table allows {@code this → next}. */
  public boolean canMoveTo(MachineState next) {
    return successors().contains(next);
  }

  /**
   * Whether a machine in this state is paid for: from BOOTING (EC2 "running") until TERMINATED. EC2
   * does not bill an instance while it is pending (AWS EC2 User Guide, "Instance state changes":
   * pending — not billed; running — billed). The 60-second billing minimum is not modelled.
   */
  public boolean isBilled() {
    return this != REQUESTED && this != PENDING && this != TERMINATED;
  }
}
