package io.platformsim.core.lesp;

import java.util.Map;

/**
 * How many machines were in each state from {@code atMillis} until the next sample.
 *
 * @param atMillis simulation time
 * @param counts state → machines in it (every state present, TERMINATED counts all ever terminated)
 */
public record StateSample(long atMillis, Map<MachineState, Integer> counts) {

  /** Copies the counts. */
  public StateSample {
    counts = Map.copyOf(counts);
  }

  /** Machines in {@code s}. */
  public int count(MachineState s) {
    return counts.getOrDefault(s, 0);
  }
}
