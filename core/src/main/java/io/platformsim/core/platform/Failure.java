package io.platformsim.core.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A failure to inject into a platform: machines serving a service crash, or a whole availability
 * zone goes down. Build with {@link #machineCrash}, {@link #machineCrashAtRanks} or {@link
 * #zoneOutage}.
 *
 * @param kind what fails
 * @param service {@link Kind#MACHINE_CRASH}: the service whose machines (LeSP) or nodes hosting it
 *     (KuSP) are hit, not blank; {@link Kind#ZONE_OUTAGE}: null
 * @param count {@link Kind#MACHINE_CRASH}: how many machines or nodes fail, at least 1; {@link
 *     Kind#ZONE_OUTAGE}: 1
 * @param zone {@link Kind#ZONE_OUTAGE}: the zone that fails, not blank; otherwise null
 * @param ranks {@link Kind#MACHINE_CRASH}: the instance ranks to hit ({@link #byRank}), drawn by
 *     the caller from a shared stream (e.g. {@link CommonStreams#hostFailures}), {@code count} of
 *     them; empty (the usual case) for the platform to draw them from {@link
 *     CommonStreams#victimRanks} ({@link CommonStreams#crashRanks} decides)
 */
public record Failure(Kind kind, String service, int count, String zone, List<Integer> ranks) {

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
      ranks = ranks == null ? List.of() : List.copyOf(ranks);
      if (!ranks.isEmpty() && ranks.size() != count) {
        throw new IllegalArgumentException(
            "a machine crash at ranks "
                + ranks
                + " must have count "
                + ranks.size()
                + ", was "
                + count);
      }
      for (int r : ranks) {
        if (r < 0) {
          throw new IllegalArgumentException("failure ranks must be >= 0, were " + ranks);
        }
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
      if (ranks != null && !ranks.isEmpty()) {
        throw new IllegalArgumentException("a zone outage has no ranks, was " + ranks);
      }
      ranks = List.of();
    }
  }

  /** A failure whose platform draws any victims itself (no {@code ranks}). */
  public Failure(Kind kind, String service, int count, String zone) {
    this(kind, service, count, zone, List.of());
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

  /**
   * The distinct hosts an injected crash hits, one per rank of {@code ranks} (from {@link
   * CommonStreams#victimRanks}): rank r names instance {@code r mod n} of the {@code n} serving
   * {@code instances}, in the platform's instance order (LeSP: machines in launch order; KuSP: pods
   * in creation order), and the victim is its host; a host already hit passes the rank on to the
   * next instance (wrapping around) whose host is not. One rule for every platform, so a
   * replication's platforms hit the same instance ranks.
   *
   * @param host the host of an instance (a LeSP machine is its own host; a KuSP pod's is its node)
   * @param what the hosts, for the error, e.g. {@code "in-service machines of 'zebra'"}
   * @throws IllegalArgumentException if there are fewer distinct hosts than ranks
   */
  public static <T, H> List<H> byRank(
      List<T> instances, List<Integer> ranks, Function<T, H> host, String what) {
    Set<H> hosts = new LinkedHashSet<>();
    for (T i : instances) {
      hosts.add(host.apply(i));
    }
    if (ranks.size() > hosts.size()) {
      throw new IllegalArgumentException(
          "failure count " + ranks.size() + " is above the " + hosts.size() + " " + what);
    }
    Set<H> hit = new LinkedHashSet<>();
    int n = instances.size();
    for (int rank : ranks) {
      int i = Math.floorMod(rank, n);
      while (hit.contains(host.apply(instances.get(i)))) {
        i = (i + 1) % n;
      }
      hit.add(host.apply(instances.get(i)));
    }
    return new ArrayList<>(hit);
  }

  /** {@code count} machines serving {@code service} crash. */
  public static Failure machineCrash(String service, int count) {
    return new Failure(Kind.MACHINE_CRASH, service, count, null);
  }

  /**
   * The hosts of the instances of {@code service} at {@code ranks} crash, one host per rank ({@link
   * #byRank}): the ranks were drawn by the caller from a shared stream, so every platform hits the
   * same ones and none draws a fresh pick.
   *
   * @throws IllegalArgumentException if {@code ranks} is empty or holds a negative rank
   */
  public static Failure machineCrashAtRanks(String service, Collection<Integer> ranks) {
    if (ranks == null || ranks.isEmpty()) {
      throw new IllegalArgumentException("a machine crash at ranks needs a rank, was " + ranks);
    }
    return new Failure(Kind.MACHINE_CRASH, service, ranks.size(), null, List.copyOf(ranks));
  }

  /** Zone {@code zone} goes down: everything running in it is lost. */
  public static Failure zoneOutage(String zone) {
    return new Failure(Kind.ZONE_OUTAGE, null, 1, zone);
  }

  @Override
  public String toString() {
    return kind == Kind.ZONE_OUTAGE
        ? "Failure[zone outage " + zone + "]"
        : "Failure[crash of "
            + count
            + " machine(s) of "
            + service
            + (ranks.isEmpty() ? "" : " at ranks " + ranks)
            + "]";
  }
}
