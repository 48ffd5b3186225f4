package io.platformsim.core.experiment.migration;

import java.util.List;
import java.util.Objects;

/** How a plan cuts the services into waves: explicit lists, or an ordering policy and a count. */
public sealed interface Waves {

  /**
   * Explicit waves: each list is one wave, in migration order; together they name every service
   * exactly once.
   *
   * @param waves the waves (deep unmodifiable copies)
   */
  record Lists(List<List<String>> waves) implements Waves {
    /** Copies the lists. */
    public Lists {
      waves = waves.stream().map(List::copyOf).toList();
    }
  }

  /**
   * The services ordered by the {@link WaveOrdering} named {@code policy} and cut into {@code
   * count} waves of near-equal size (the first waves one larger when it does not divide).
   *
   * @param policy a name in {@link WaveOrderings#names()}
   * @param count the number of waves, at least 1
   */
  record Ordered(String policy, int count) implements Waves {
    /** Refuses a null policy; the plan checks the name and the count. */
    public Ordered {
      Objects.requireNonNull(policy, "policy must not be null");
    }
  }
}
