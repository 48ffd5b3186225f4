package io.platformsim.core.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/**
 * {@link Failure#victims}: the one rule by which both platforms pick what an injected crash hits.
 */
class FailureVictimsTest {

  @Test
  void drawsDistinctCandidatesUniformlyAndConsumesThem() {
    List<String> candidates = new ArrayList<>(List.of("a", "b", "c", "d", "e"));
    List<String> victims = Failure.victims(candidates, 3, new MersenneTwister(7), "machines");
    assertEquals(3, new HashSet<>(victims).size());
    assertEquals(2, candidates.size());
    // the same positions as removing nextInt(size) one by one from the same stream
    MersenneTwister replay = new MersenneTwister(7);
    List<String> again = new ArrayList<>(List.of("a", "b", "c", "d", "e"));
    for (String v : victims) {
      assertEquals(v, again.remove(replay.nextInt(again.size())));
    }
  }

  @Test
  void moreThanTheCandidatesIsAnErrorNamingThem() {
    List<Integer> two = new ArrayList<>(List.of(1, 2));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Failure.victims(two, 3, new MersenneTwister(1), "in-service machines of 'x'"));
    assertEquals("failure count 3 is above the 2 in-service machines of 'x'", e.getMessage());
    assertEquals(2, two.size());
  }
}
