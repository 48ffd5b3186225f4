package io.platformsim.scheduler.packing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An offline packing algorithm: packs every item of an instance into bins of the instance's
 * capacity and reports the result with its lower bound. Implementations are deterministic (same
 * instance ⇒ equal result) and hold no mutable state, so one instance may be shared.
 *
 * <p>The registry ({@link #named(String)}, {@link #names()}) knows:
 *
 * <ul>
 *   <li>{@code ff}, {@code bf}, {@code wf}, {@code nf}: online first, best, worst and next fit in
 *       the given item order;
 *   <li>{@code ffd}, {@code bfd}, {@code wfd}, {@code nfd}: the same after sorting the items
 *       decreasing by {@link SizeMeasure#SUM}, and {@code ffd-max}, {@code bfd-l2}, {@code
 *       wfd-dot}, {@code ffd-prod}, ... for the other measures (in one dimension all measures
 *       coincide);
 *   <li>{@code mbs}: minimum bin slack ({@link MinimumBinSlack#defaults()}), one bin at a time,
 *       each filled as tightly as a bounded search finds;
 *   <li>any of these with {@code +empty}, for example {@code ffd+empty}: followed by {@link
 *       BinEmptying#defaults()};
 *   <li>{@code best} (the {@link #DEFAULT}): runs {@code mbs} and first and best fit decreasing
 *       under every measure (only once each in one dimension), improves the three with the fewest
 *       bins with {@link BinEmptying#defaults()}, and keeps the fewest bins, the earlier candidate
 *       winning ties; it stops early when a candidate reaches the lower bound.
 * </ul>
 */
public interface PackingAlgorithm {

  /** The name of the default algorithm, the best the library has. */
  String DEFAULT = "best";

  /** The registry name, also reported in {@link PackingResult#algorithm()}. */
  String name();

  /** Packs every item of {@code instance}. */
  PackingResult pack(PackingInstance instance);

  /**
   * The algorithm registered under {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the unknown name and listing the known ones
   */
  static PackingAlgorithm named(String name) {
    if (name == null) {
      throw new IllegalArgumentException("algorithm: must not be null");
    }
    String key = name.trim().toLowerCase(java.util.Locale.ROOT);
    if (key.equals(DEFAULT)) {
      return best();
    }
    if (key.endsWith("+empty")) {
      PackingAlgorithm base = PackingRegistry.HEURISTICS.get(key.substring(0, key.length() - 6));
      if (base != null) {
        return improved(base, BinEmptying.defaults());
      }
    } else {
      PackingAlgorithm found = PackingRegistry.HEURISTICS.get(key);
      if (found != null) {
        return found;
      }
    }
    throw new IllegalArgumentException(
        "algorithm: unknown '"
            + name
            + "', expected one of "
            + String.join(", ", names())
            + " (or a heuristic followed by +empty)");
  }

  /** Every registered name, {@code best} first, then the heuristics. */
  static List<String> names() {
    List<String> names = new ArrayList<>();
    names.add(DEFAULT);
    names.addAll(PackingRegistry.HEURISTICS.keySet());
    return Collections.unmodifiableList(names);
  }

  /** The default algorithm ({@code best}, see the class comment). */
  static PackingAlgorithm best() {
    return PackingRegistry.BEST;
  }

  /** {@code base} followed by {@code improvement}; named {@code base.name() + "+empty"}. */
  static PackingAlgorithm improved(PackingAlgorithm base, BinEmptying improvement) {
    String name = base.name() + "+empty";
    return new PackingAlgorithm() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public PackingResult pack(PackingInstance instance) {
        return improvement.improve(instance, base.pack(instance)).renamed(name);
      }

      @Override
      public String toString() {
        return "PackingAlgorithm[" + name + "]";
      }
    };
  }
}
