package io.platformsim.core.lesp;

import io.platformsim.core.engine.DurationDistribution;

/**
 * How configuration management (Chef/Puppet style) behaves on LeSP: every converge takes a duration
 * drawn from {@code converge}, fails with probability {@code failureProbability} and is retried up
 * to {@code maxAttempts} attempts in all. A new machine converges on first boot, on itself.
 * Fleet-wide runs go through an orchestrator that converges at most {@code parallelism} machines at
 * once (knife-ssh style). When {@code periodic} is on, every in-service machine also converges on
 * its own every {@code intervalMillis} plus a uniform splay in [0, {@code splayMillis}]
 * (chef-client daemon style); off by default so that {@code Simulation.run()} terminates.
 *
 * <p>Defaults ({@link #DEFAULT}): converge lognormal with median 10 min and p99 30 min (calibration
 * S6: a test-kitchen converge of 10 min 14 s), failure probability 0.01 and 3 attempts (an
 * assumption), parallelism 10 (S6: fleet-wide runs at 10- to 30-way), periodic every 30 min with 5
 * min splay (chef-client defaults are 30 min interval, 5 min splay: Chef docs, chef-client
 * "--interval 1800 --splay 300"), periodic off.
 *
 * @param converge duration of one converge attempt
 * @param failureProbability chance an attempt fails, in [0, 1)
 * @param maxAttempts attempts per converge before giving up, at least 1
 * @param parallelism machines an orchestrated fleet-wide run converges at once, at least 1
 * @param periodic whether in-service machines converge periodically
 * @param intervalMillis periodic interval, above 0
 * @param splayMillis periodic random splay, at least 0
 */
public record ConfigManagement(
    DurationDistribution converge,
    double failureProbability,
    int maxAttempts,
    int parallelism,
    boolean periodic,
    long intervalMillis,
    long splayMillis) {

  /** See the type's Javadoc. */
  public static final ConfigManagement DEFAULT =
      new ConfigManagement(
          DurationDistribution.logNormal(600_000, 1_800_000),
          0.01,
          3,
          10,
          false,
          1_800_000,
          300_000);

  /** Validates every field; messages name it. */
  public ConfigManagement {
    if (converge == null) {
      throw new IllegalArgumentException("converge duration distribution must not be null");
    }
    if (!(failureProbability >= 0 && failureProbability < 1)) {
      throw new IllegalArgumentException(
          "converge failureProbability must be in [0, 1), was " + failureProbability);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("converge maxAttempts must be >= 1, was " + maxAttempts);
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException(
          "orchestrator parallelism must be >= 1, was " + parallelism);
    }
    if (intervalMillis <= 0) {
      throw new IllegalArgumentException(
          "converge intervalMillis must be > 0, was " + intervalMillis);
    }
    if (splayMillis < 0) {
      throw new IllegalArgumentException("converge splayMillis must be >= 0, was " + splayMillis);
    }
  }

  /** A copy with another converge duration. */
  public ConfigManagement withConverge(DurationDistribution d) {
    return new ConfigManagement(
        d, failureProbability, maxAttempts, parallelism, periodic, intervalMillis, splayMillis);
  }

  /** A copy with another failure probability and attempt limit. */
  public ConfigManagement withFailures(double probability, int attempts) {
    return new ConfigManagement(
        converge, probability, attempts, parallelism, periodic, intervalMillis, splayMillis);
  }

  /** A copy with another orchestrator parallelism. */
  public ConfigManagement withParallelism(int p) {
    return new ConfigManagement(
        converge, failureProbability, maxAttempts, p, periodic, intervalMillis, splayMillis);
  }

  /** A copy with periodic converges on, every {@code interval} ms plus up to {@code splay} ms. */
  public ConfigManagement withPeriodic(long interval, long splay) {
    return new ConfigManagement(
        converge, failureProbability, maxAttempts, parallelism, true, interval, splay);
  }
}
