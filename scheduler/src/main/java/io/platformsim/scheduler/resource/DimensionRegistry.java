package io.platformsim.scheduler.resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The resource dimensions a cluster tracks, each with a dense index so vectors are plain {@code
 * long[]}. The first four are fixed: {@link #CPU} (stored in milli-CPU), {@link #MEMORY} (bytes),
 * {@link #PODS} (count; every pod requests one) and {@link #EPHEMERAL_STORAGE} (bytes); extended
 * resources (e.g. {@code nvidia.com/gpu}, integer counts) follow.
 *
 * <p>Immutable; build one with {@link #standard(String...)} and share it between nodes and pods.
 */
public final class DimensionRegistry {
  /** Index of milli-CPU. */
  public static final int CPU = 0;

  /** Index of memory bytes. */
  public static final int MEMORY = 1;

  /** Index of the pod count (kubelet maxPods). */
  public static final int PODS = 2;

  /** Index of ephemeral storage bytes. */
  public static final int EPHEMERAL_STORAGE = 3;

  private static final List<String> FIXED = List.of("cpu", "memory", "pods", "ephemeral-storage");

  private final List<String> names;
  private final Map<String, Integer> index;

  private DimensionRegistry(List<String> names) {
    this.names = Collections.unmodifiableList(names);
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      m.put(names.get(i), i);
    }
    this.index = Map.copyOf(m);
  }

  /**
   * The four standard dimensions plus the given extended resources, in that order.
   *
   * @throws IllegalArgumentException if an extended name is blank or duplicated
   */
  public static DimensionRegistry standard(String... extended) {
    List<String> all = new ArrayList<>(FIXED);
    for (String e : extended) {
      if (e == null || e.isBlank()) {
        throw new IllegalArgumentException("extended resource name is blank");
      }
      if (all.contains(e)) {
        throw new IllegalArgumentException("extended resource '" + e + "' is declared twice");
      }
      all.add(e);
    }
    if (all.size() > 64) {
      throw new IllegalArgumentException(
          "at most 64 resource dimensions are supported, got " + all.size());
    }
    return new DimensionRegistry(all);
  }

  /** Number of dimensions. */
  public int size() {
    return names.size();
  }

  /** Name of dimension {@code i}. */
  public String name(int i) {
    return names.get(i);
  }

  /** All names in index order. */
  public List<String> names() {
    return names;
  }

  /**
   * Index of the named dimension.
   *
   * @throws IllegalArgumentException naming the dimension if it is not registered
   */
  public int indexOf(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException(
          "unknown resource dimension '" + name + "' (known: " + names + ")");
    }
    return i;
  }

  /**
   * True for extended (scalar) resources, which upstream skips in scoring when the pod does not
   * request them.
   */
  public boolean isExtended(int i) {
    return i > EPHEMERAL_STORAGE;
  }

  /**
   * Parses a quantity for dimension {@code i}: CPU in milli-units, everything else in base units.
   */
  public long parse(int i, String text) {
    return Quantity.parse(names.get(i), text, i == CPU);
  }

  @Override
  public String toString() {
    return "DimensionRegistry" + names;
  }
}
