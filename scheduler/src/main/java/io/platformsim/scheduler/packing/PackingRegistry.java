package io.platformsim.scheduler.packing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The immutable tables behind {@link PackingAlgorithm#named(String)}. */
final class PackingRegistry {
  /** Every one-pass heuristic by name, online ones first, in a fixed order. */
  static final Map<String, PackingAlgorithm> HEURISTICS = heuristics();

  /** The default portfolio. */
  static final PackingAlgorithm BEST = new BestOf(PackingAlgorithm.DEFAULT, BinEmptying.defaults());

  private PackingRegistry() {}

  private static Map<String, PackingAlgorithm> heuristics() {
    Map<String, PackingAlgorithm> map = new LinkedHashMap<>();
    for (Fit fit : Fit.values()) {
      FitHeuristic online = FitHeuristic.of(fit, false, SizeMeasure.SUM);
      map.put(online.name(), online);
    }
    for (Fit fit : Fit.values()) {
      for (SizeMeasure m : SizeMeasure.values()) {
        FitHeuristic h = FitHeuristic.of(fit, true, m);
        map.put(h.name(), h);
      }
    }
    MinimumBinSlack mbs = MinimumBinSlack.defaults();
    map.put(mbs.name(), mbs);
    return Collections.unmodifiableMap(map);
  }
}
