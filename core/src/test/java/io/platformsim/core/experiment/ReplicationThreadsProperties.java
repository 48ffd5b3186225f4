package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.platformsim.core.engine.Observation;
import io.platformsim.core.engine.Replications;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Replication results do not depend on the number of threads that run them. */
class ReplicationThreadsProperties {

  @Property(tries = 3)
  void aComparisonIsTheSameOnOneTwoAndFourThreads(
      @ForAll @IntRange(min = 0, max = 1_000) int seed) {
    Scenario s =
        SmallScenario.builder()
            .horizon(java.time.Duration.ofMinutes(110))
            .replications(3)
            .seed(seed)
            .build();
    ComparisonResult one =
        Comparison.run(s, PlatformRegistry.standard(), Comparison.Progress.NONE, 1);
    for (int threads : new int[] {2, 4}) {
      ComparisonResult other =
          Comparison.run(s, PlatformRegistry.standard(), Comparison.Progress.NONE, threads);
      for (int i = 0; i < one.platforms().size(); i++) {
        assertEquals(one.platforms().get(i).figures(), other.platforms().get(i).figures());
        assertEquals(one.platforms().get(i).values(), other.platforms().get(i).values());
      }
      assertEquals(ComparisonReport.table(one), ComparisonReport.table(other));
      assertEquals(ComparisonReport.replicationsCsv(one), ComparisonReport.replicationsCsv(other));
    }
  }

  @Property(tries = 50)
  void replicationsAreTheSameOnOneTwoAndFourThreads(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int count) {
    var one = Replications.observe(seed, count, 1, ReplicationThreadsProperties::draws);
    for (int threads : new int[] {2, 4}) {
      assertEquals(
          one.observations(),
          Replications.observe(seed, count, threads, ReplicationThreadsProperties::draws)
              .observations());
    }
  }

  private static Map<String, Observation> draws(io.platformsim.core.engine.RandomStreams s) {
    var rng = s.stream("x");
    Map<String, Observation> m = new LinkedHashMap<>();
    m.put("a", Observation.observed(rng.nextDouble()));
    double b = rng.nextDouble();
    if (b < 0.3) {
      m.put("b", Observation.censored(b));
    } else if (b < 0.7) {
      m.put("b", Observation.observed(b));
    }
    return m;
  }
}
