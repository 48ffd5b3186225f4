package io.platformsim.core.lesp;

/**
 * The process waiting for a machine's launch or deploy to finish (a rollout, a pool filling up).
 * Exactly one of the three methods is called once per launch or deploy.
 */
interface MachineWaiter {

  /** The machine passed its health check and is in service. */
  void ready(Machine m);

  /** The machine failed its health check; it stays out of service in DEPLOYING. */
  void unhealthy(Machine m);

  /** The machine was lost (boot or converge failure with no replacement, or a crash). */
  void lost(Machine m);
}
