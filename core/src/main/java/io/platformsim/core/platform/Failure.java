package io.platformsim.core.platform;

/**
 * A failure to inject into a platform.
 *
 * @param kind    what fails
 * @param service the service whose machines (LeSP) or nodes hosting it (KuSP) are hit; not blank
 * @param count   how many machines or nodes fail, at least 1
 */
public record Failure(Kind kind, String service, int count) {

  /** The kinds of failure a platform must handle. */
  public enum Kind {
    /** A machine (or node) serving the service crashes and is lost. */
    MACHINE_CRASH
  }

  /** Validates the fields. */
  public Failure {
    if (kind == null) {
      throw new IllegalArgumentException("failure kind must not be null");
    }
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("failure service must not be blank, was '" + service + "'");
    }
    if (count < 1) {
      throw new IllegalArgumentException("failure count must be >= 1, was " + count);
    }
  }

  /** {@code count} machines serving {@code service} crash. */
  public static Failure machineCrash(String service, int count) {
    return new Failure(Kind.MACHINE_CRASH, service, count);
  }
}
