package io.platformsim.core.lesp;

/**
 * One time-stamped change of a machine's state.
 *
 * @param atMillis simulation time of the change
 * @param from state before
 * @param to state after
 * @param cause why, e.g. {@code "boot"} or {@code "crash in service"}
 */
public record Transition(long atMillis, MachineState from, MachineState to, String cause) {

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT, "%9.1fs %s -> %s (%s)", atMillis / 1000.0, from, to, cause);
  }
}
