package io.platformsim.fleet.scenario;

import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import java.util.List;

/**
 * The timeline and run settings of an imported scenario: the default scenario's choices ({@code
 * DefaultScenario}), so {@code compare} shows the same figures for an imported fleet. Over 8 hours
 * sampled every 3 minutes, 8 replications, seed 42:
 *
 * <ul>
 *   <li>an app release of every service, in service order from 1 h, every 2 minutes (at most 2 h
 *       for all of them: a larger fleet releases closer together);
 *   <li>a load spike: the service with the most instances (the first listed on a tie) at 3 × its
 *       load from 3 h 15 for 30 minutes;
 *   <li>a machine failure: one machine (node) of the service with the most instances after that one
 *       (the same service when there is only one) at 3 h 30;
 *   <li>a base-image change of every service from 4 h, one a minute (at most 3 h for all).
 * </ul>
 */
final class DefaultTimeline {

  static final Duration HORIZON = Duration.ofHours(8);
  static final Duration SAMPLE = Duration.ofMinutes(3);
  static final int REPLICATIONS = 8;
  static final long SEED = 42;
  static final Duration SPIKE_AT = Duration.ofMinutes(195);
  static final Duration SPIKE_LENGTH = Duration.ofMinutes(30);
  static final double SPIKE_FACTOR = 3.0;
  static final Duration FAILURE_AT = Duration.ofMinutes(210);

  private DefaultTimeline() {}

  /** Sets the run settings and adds the events for {@code services} to {@code b}. */
  static void apply(Scenario.Builder b, List<Service> services) {
    b.horizon(HORIZON).sampleEvery(SAMPLE).replications(REPLICATIONS).seed(SEED);
    int n = services.size();
    long releaseStep =
        Math.min(Duration.ofMinutes(2).toMillis(), Duration.ofHours(2).toMillis() / n);
    long imageStep = Math.min(Duration.ofMinutes(1).toMillis(), Duration.ofHours(3).toMillis() / n);
    for (int i = 0; i < n; i++) {
      b.release(Duration.ofHours(1).plusMillis(i * releaseStep), services.get(i).name(), "2");
    }
    int biggest = largest(services, -1);
    int next = n > 1 ? largest(services, biggest) : biggest;
    b.loadSpike(SPIKE_AT, SPIKE_LENGTH, services.get(biggest).name(), SPIKE_FACTOR);
    b.machineFailure(FAILURE_AT, services.get(next).name(), 1);
    for (int i = 0; i < n; i++) {
      b.release(
          Duration.ofHours(4).plusMillis(i * imageStep),
          Release.baseImage(services.get(i).name(), "base-2"));
    }
  }

  /**
   * The index of the service with the most instances, the first on a tie, skipping {@code skip}.
   */
  private static int largest(List<Service> services, int skip) {
    int best = -1;
    for (int i = 0; i < services.size(); i++) {
      if (i != skip && (best < 0 || services.get(i).instances() > services.get(best).instances())) {
        best = i;
      }
    }
    return best;
  }
}
