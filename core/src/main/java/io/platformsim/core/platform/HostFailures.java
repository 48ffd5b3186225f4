package io.platformsim.core.platform;

import java.time.Duration;

/**
 * Spontaneous host failures that every platform of a comparison sees alike (issue 16, common random
 * numbers): the host of each nominal instance of a service fails at random, so a service with
 * {@code n} instances sees a Poisson process of failures of rate {@code n ÷ mean time between
 * failures}, each hitting the host of a uniformly drawn instance rank. The times and ranks are
 * drawn once per replication from the shared stream {@value CommonStreams#HOST_FAILURE} ({@link
 * CommonStreams#hostFailures}), before the run, so they do not depend on any platform's state; the
 * experiment injects each as a one-host {@link Failure#machineCrashAtRanks} on every platform.
 *
 * <p>The rate is per nominal instance ({@code Service#instances()}), fixed over the run: an
 * autoscaled service does not fail more often for being larger, so the platforms keep the same
 * draws whatever their autoscalers do.
 *
 * @param meanMillisBetweenFailures mean time between failures of one instance's host, in
 *     milliseconds; 0 for no host failures ({@link #NONE})
 */
public record HostFailures(long meanMillisBetweenFailures) {

  /** No spontaneous host failures (the default). */
  public static final HostFailures NONE = new HostFailures(0);

  /** Validates the mean; the message names the field and the value. */
  public HostFailures {
    if (meanMillisBetweenFailures < 0) {
      throw new IllegalArgumentException(
          "host failures meanTimeBetweenFailures must be > 0 (or 0 for none), was "
              + meanMillisBetweenFailures
              + " ms");
    }
  }

  /**
   * Host failures with a mean time between failures of one instance's host of {@code mtbf}.
   *
   * @throws IllegalArgumentException if {@code mtbf} is null or not above 0 ms
   */
  public static HostFailures meanTimeBetweenFailures(Duration mtbf) {
    if (mtbf == null || mtbf.toMillis() <= 0) {
      throw new IllegalArgumentException(
          "host failures meanTimeBetweenFailures must be above 0 ms, was " + mtbf);
    }
    return new HostFailures(mtbf.toMillis());
  }

  /** Whether hosts fail at all. */
  public boolean on() {
    return meanMillisBetweenFailures > 0;
  }

  /**
   * Failures expected over {@code horizonMillis} for {@code instances} nominal instances: {@code
   * instances × horizon ÷ mean time between failures}; 0 when off.
   */
  public double expected(long instances, long horizonMillis) {
    return on() ? (double) instances * horizonMillis / meanMillisBetweenFailures : 0;
  }

  /**
   * One drawn host failure: at {@code atMillis} the host of the instance at {@code rank} of {@code
   * service} fails (rank as in {@link Failure#byRank}).
   *
   * @param service the service whose instance's host fails
   * @param atMillis when, in simulated milliseconds from 0
   * @param rank the instance rank, in 0 .. instances − 1
   */
  public record Crash(String service, long atMillis, int rank) {}

  @Override
  public String toString() {
    return on()
        ? "HostFailures[mean "
            + Duration.ofMillis(meanMillisBetweenFailures)
            + " between failures per instance]"
        : "HostFailures[none]";
  }
}
