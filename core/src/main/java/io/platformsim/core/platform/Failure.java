package io.platformsim.core.platform;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A failure to inject into a platform: machines serving a service crash, or a whole availability
 * zone goes down. Build with {@link #machineCrash} or {@link #zoneOutage}.
 *
 * @param kind what fails
 * @param service {@link Kind#MACHINE_CRASH}: the service whose machines (LeSP) or nodes hosting it
 *     (KuSP) are hit, not blank; {@link Kind#ZONE_OUTAGE}: null
 * @param count {@link Kind#MACHINE_CRASH}: how many machines or nodes fail, at least 1; {@link
 *     Kind#ZONE_OUTAGE}: 1
 * @param zone {@link Kind#ZONE_OUTAGE}: the zone that fails, not blank; otherwise null
 */
public record Failure(Kind kind, String service, int count, String zone) {

  /** The kinds of failure a platform must handle. */
  public enum Kind {
    /** A machine (or node) serving the service crashes and is lost. */
    MACHINE_CRASH,
    /**
     * Every machine (LeSP) or node (KuSP) in the zone stops; replacements go to the other zones and
     * later launches avoid it.
     */
    ZONE_OUTAGE
  }

  /** Validates the fields for the kind; messages name the field and value. */
  public Failure {
    if (kind == null) {
      throw new IllegalArgumentException("failure kind must not be null");
    }
    if (kind == Kind.MACHINE_CRASH) {
      if (service == null || service.isBlank()) {
        throw new IllegalArgumentException(
            "failure service must not be blank, was '" + service + "'");
      }
      if (count < 1) {
        throw new IllegalArgumentException("failure count must be >= 1, was " + count);
      }
      if (zone != null) {
        throw new IllegalArgumentException("a machine crash names no zone, was '" + zone + "'");
      }
    } else {
      if (zone == null || zone.isBlank()) {
        throw new IllegalArgumentException(
            "zone outage zone must not be blank, was '" + zone + "'");
      }
      if (service != null || count != 1) {
        throw new IllegalArgumentException(
            "a zone outage has no service and count 1, was '" + service + "', " + count);
      }
    }
  }

  /**
   * The victims of a crash of {@code count} among {@code candidates}, drawn uniformly without
   * replacement from {@code picks}, in draw order; the list is consumed. One rule for both
   * platforms, so a stream of the same seed picks the same positions on each.
   *
   * @param what the candidates, for the error, e.g. {@code "in-service machines of 'zebra'"}
   * @throws IllegalArgumentException if {@code count} is above the number of candidates
   */
  public static <T> List<T> victims(
      List<T> candidates, int count, RandomGenerator picks, String what) {
    if (count > candidates.size()) {
      throw new IllegalArgumentException(
          "failure count " + count + " is above the " + candidates.size() + " " + what);
    }
    List<T> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(candidates.remove(picks.nextInt(candidates.size())));
    }
    return out;
  }

  /** {@code count} machines serving {@code service} crash. */
  public static Failure machineCrash(String service, int count) {
    return new Failure(Kind.MACHINE_CRASH, service, count, null);
  }

  /** Zone {@code zone} goes down: everything running in it is lost. */
  public static Failure zoneOutage(String zone) {
    return new Failure(Kind.ZONE_OUTAGE, null, 1, zone);
  }

  @Override
  public String toString() {
    return kind == Kind.ZONE_OUTAGE
        ? "Failure[zone outage " + zone + "]"
        : "Failure[crash of " + count + " machine(s) of " + service + "]";
  }
}
