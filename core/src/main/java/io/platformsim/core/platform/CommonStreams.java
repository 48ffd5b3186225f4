package io.platformsim.core.platform;

import io.platformsim.core.workload.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The draws of the phenomena that exist on every platform, in one place, so that the platforms of
 * one replication see the same ones (common random numbers): the platforms of a replication get
 * streams derived from the same seed and replication index, and a stream of the same name gives the
 * same numbers (see {@code engine.RandomStreams}). Everything else a platform draws (boot,
 * converge, image pulls, health checks, scheduling ties...) is its own mechanics and comes from
 * streams named after the platform ({@code "lesp.*"}, {@code "kusp.*"}).
 *
 * <table>
 *   <caption>Shared phenomena</caption>
 *   <tr><th>Phenomenon</th><th>Stream</th><th>How the platforms share it</th></tr>
 *   <tr><td>which instance an injected crash hits</td><td>{@value #FAILURE_PICK}</td><td>{@link
 *       #victimRanks}: instance ranks drawn over the service's nominal instances, the same on
 *       every platform; each platform maps rank r to its r-th serving instance ({@link
 *       Failure#byRank})</td></tr>
 *   <tr><td>spot interruptions</td><td>{@value #SPOT_INTERRUPTION}</td><td>{@link
 *       #spotLifetimeMillis}: the k-th spot machine or node a platform buys gets the k-th
 *       draw as its time in service before the interruption</td></tr>
 *   <tr><td>spontaneous host failures ({@link HostFailures}): their times and the instance each
 *       hits</td><td>{@value #HOST_FAILURE}</td><td>{@link #hostFailures}: drawn before the run,
 *       per service in workload order; the experiment injects each on every platform at its time
 *       with its rank ({@link Failure#machineCrashAtRanks})</td></tr>
 * </table>
 *
 * <p>When a failure happens, the load and the release times are not drawn at all: the experiment
 * applies the scenario's timeline at the same times on every platform.
 *
 * <p>A platform makes one from the streams it was given ({@code new
 * CommonStreams(streams::stream)}). Not thread-safe, as the streams it draws from.
 */
public final class CommonStreams {

  /** The stream of the instance ranks injected crashes hit. */
  public static final String FAILURE_PICK = "common.failurePick";

  /** The stream of spot machines' and nodes' times to interruption, in purchase order. */
  public static final String SPOT_INTERRUPTION = "common.spotInterruption";

  /** The stream of spontaneous host failures' times and instance ranks ({@link #hostFailures}). */
  public static final String HOST_FAILURE = "common.hostFailure";

  private final Function<String, RandomGenerator> streams;

  /**
   * The shared draws of the streams {@code streams} gives by name (e.g. {@code
   * RandomStreams::stream}); a stream is asked for on first use only.
   *
   * @throws IllegalArgumentException if {@code streams} is null
   */
  public CommonStreams(Function<String, RandomGenerator> streams) {
    if (streams == null) {
      throw new IllegalArgumentException("streams must not be null");
    }
    this.streams = streams;
  }

  /**
   * The ranks of the instances a crash of {@code count} instances of a service with {@code
   * instances} nominal instances hits: distinct ranks drawn uniformly without replacement from 0 ..
   * instances − 1, in draw order; a count above {@code instances} (a pool with headroom) adds the
   * ranks instances, instances + 1, ... after them. A pure function of the stream and the two
   * arguments, never of the platform's state, so every platform draws the same ranks.
   *
   * @throws IllegalArgumentException if {@code instances} or {@code count} is below 1
   */
  public List<Integer> victimRanks(int instances, int count) {
    if (instances < 1 || count < 1) {
      throw new IllegalArgumentException(
          "instances and count must be >= 1, were " + instances + " and " + count);
    }
    RandomGenerator picks = streams.apply(FAILURE_PICK);
    List<Integer> ranks = new ArrayList<>(instances);
    for (int i = 0; i < instances; i++) {
      ranks.add(i);
    }
    List<Integer> out = Failure.victims(ranks, Math.min(count, instances), picks, "instances");
    for (int r = instances; out.size() < count; r++) {
      out.add(r);
    }
    return out;
  }

  /**
   * The instance ranks {@code failure} (a machine crash) hits on a service with {@code instances}
   * nominal instances: its own {@link Failure#ranks()} when the caller drew them (a shared host
   * failure), otherwise {@link #victimRanks}{@code (instances, failure.count())}. The one rule both
   * platforms apply, so a given rank is used as given and never re-drawn.
   */
  public List<Integer> crashRanks(Failure failure, int instances) {
    return failure.ranks().isEmpty() ? victimRanks(instances, failure.count()) : failure.ranks();
  }

  /**
   * The spontaneous host failures of one replication, drawn from {@value #HOST_FAILURE} before the
   * run: for each service of {@code services} in that order, a Poisson process over [0, {@code
   * horizonMillis}) of rate {@code instances ÷ mean time between failures} (exponential gaps of
   * mean {@code mtbf ÷ instances}, each gap followed by the rank it hits, uniform in 0 .. instances
   * − 1), times rounded to whole milliseconds. A pure function of the stream and the arguments,
   * never of a platform's state, so every platform of a replication gets the same list. Empty when
   * {@code failures} is off (nothing is drawn).
   *
   * @throws IllegalArgumentException if {@code failures} or {@code services} is null or {@code
   *     horizonMillis} is not above 0
   */
  public List<HostFailures.Crash> hostFailures(
      HostFailures failures, List<Service> services, long horizonMillis) {
    if (failures == null || services == null || horizonMillis <= 0) {
      throw new IllegalArgumentException(
          "host failures need a setting, services and a horizon > 0, were "
              + failures
              + ", "
              + services
              + ", "
              + horizonMillis);
    }
    List<HostFailures.Crash> out = new ArrayList<>();
    if (!failures.on()) {
      return out;
    }
    RandomGenerator draws = streams.apply(HOST_FAILURE);
    for (Service s : services) {
      int n = s.instances();
      if (n < 1) {
        continue;
      }
      double meanGap = (double) failures.meanMillisBetweenFailures() / n;
      double t = 0;
      while (true) {
        t += -meanGap * Math.log1p(-draws.nextDouble()); // exponential by inversion
        long at = Math.round(t);
        if (at >= horizonMillis) {
          break;
        }
        out.add(new HostFailures.Crash(s.name(), at, draws.nextInt(n)));
      }
    }
    return out;
  }

  /**
   * The time in service before the next spot machine or node bought is interrupted, in whole
   * milliseconds: exponential with {@link Pricing#meanMillisToInterruption()} (memoryless, so the
   * rate applies to its time in service), the k-th call of a replication giving the k-th draw.
   *
   * @throws IllegalArgumentException if {@code pricing} has no spot interruptions
   */
  public long spotLifetimeMillis(Pricing pricing) {
    if (!pricing.interrupts()) {
      throw new IllegalArgumentException("pricing has no spot interruptions: " + pricing);
    }
    double ms =
        new ExponentialDistribution(
                streams.apply(SPOT_INTERRUPTION),
                pricing.meanMillisToInterruption(),
                ExponentialDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY)
            .sample();
    return Math.round(ms);
  }

  @Override
  public String toString() {
    return "CommonStreams[" + FAILURE_PICK + ", " + SPOT_INTERRUPTION + ", " + HOST_FAILURE + "]";
  }
}
