package io.platformsim.core.platform;

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
    return "CommonStreams[" + FAILURE_PICK + ", " + SPOT_INTERRUPTION + "]";
  }
}
