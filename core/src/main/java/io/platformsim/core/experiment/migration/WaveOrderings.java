package io.platformsim.core.experiment.migration;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The registry of {@link WaveOrdering} policies by name: {@code smallest-first}, {@code
 * largest-first}, {@code least-risky-first}, {@code dependency-order}. Immutable.
 */
public final class WaveOrderings {

  private static final List<WaveOrdering> ALL =
      List.of(
          new SmallestFirst(), new LargestFirst(), new LeastRiskyFirst(), new DependencyOrder());

  private static final Map<String, WaveOrdering> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(WaveOrdering::name, Function.identity()));

  private WaveOrderings() {}

  /**
   * The policy called {@code name}.
   *
   * @throws IllegalArgumentException naming the known names if there is none
   */
  public static WaveOrdering named(String name) {
    WaveOrdering o = BY_NAME.get(name);
    if (o == null) {
      throw new IllegalArgumentException(
          "unknown ordering policy '" + name + "'; known: " + String.join(", ", names()));
    }
    return o;
  }

  /** The registered names, in the order above. */
  public static List<String> names() {
    return Stream.of(ALL.toArray(WaveOrdering[]::new)).map(WaveOrdering::name).toList();
  }
}
