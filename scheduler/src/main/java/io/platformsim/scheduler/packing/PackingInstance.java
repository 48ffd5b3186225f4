package io.platformsim.scheduler.packing;

import java.util.Arrays;
import java.util.Objects;

/**
 * An offline packing problem: {@code n} items, each a vector of {@code d} non-negative sizes, and
 * one bin capacity vector of {@code d} positive values (for example milli-CPU and memory bytes of
 * one node shape). Every item fits an empty bin in every dimension, so a packing always exists.
 *
 * <p>Immutable. Sizes are stored row-major in one flat {@code long[]} (item {@code i}, dimension
 * {@code j} at {@code i * d + j}) so the packing loops read them without indirection. The factories
 * validate every value and name the offending item, dimension and value in an {@link
 * IllegalArgumentException}.
 */
public final class PackingInstance {

  private final String name;
  private final int dimensions;
  private final long[] capacity;
  private final long[] sizes;

  private PackingInstance(String name, long[] capacity, long[] sizes) {
    this.name = name;
    this.dimensions = capacity.length;
    this.capacity = capacity;
    this.sizes = sizes;
  }

  /**
   * A one-dimensional instance.
   *
   * @param capacity the bin capacity, positive
   * @param sizes the item sizes, each in {@code [0, capacity]}
   */
  public static PackingInstance oneDimensional(long capacity, long... sizes) {
    Objects.requireNonNull(sizes, "sizes");
    return validated("instance", new long[] {capacity}, sizes.clone());
  }

  /**
   * A vector instance.
   *
   * @param capacity the bin capacity per dimension, each positive
   * @param items one size vector per item, each of {@code capacity.length} values in {@code [0,
   *     capacity[j]]}
   */
  public static PackingInstance of(long[] capacity, long[][] items) {
    Objects.requireNonNull(capacity, "capacity");
    Objects.requireNonNull(items, "items");
    int d = capacity.length;
    if (d == 0) {
      throw new IllegalArgumentException("capacity: needs at least one dimension, got 0");
    }
    long[] flat = new long[Math.multiplyExact(items.length, d)];
    for (int i = 0; i < items.length; i++) {
      long[] item = items[i];
      if (item == null || item.length != d) {
        throw new IllegalArgumentException(
            "item "
                + i
                + ": expected "
                + d
                + " sizes (one per dimension), got "
                + (item == null ? "null" : Integer.toString(item.length)));
      }
      System.arraycopy(item, 0, flat, i * d, d);
    }
    return validated("instance", capacity.clone(), flat);
  }

  /**
   * A vector instance from a flat row-major array (item {@code i}, dimension {@code j} at {@code i
   * * capacity.length + j}); the arrays are copied.
   */
  public static PackingInstance ofFlat(long[] capacity, long[] flatSizes) {
    Objects.requireNonNull(capacity, "capacity");
    Objects.requireNonNull(flatSizes, "flatSizes");
    if (capacity.length == 0) {
      throw new IllegalArgumentException("capacity: needs at least one dimension, got 0");
    }
    if (flatSizes.length % capacity.length != 0) {
      throw new IllegalArgumentException(
          "flatSizes: length "
              + flatSizes.length
              + " is not a multiple of the "
              + capacity.length
              + " dimensions");
    }
    return validated("instance", capacity.clone(), flatSizes.clone());
  }

  private static PackingInstance validated(String name, long[] capacity, long[] sizes) {
    int d = capacity.length;
    for (int j = 0; j < d; j++) {
      if (capacity[j] <= 0) {
        throw new IllegalArgumentException(
            "capacity[" + j + "]: must be positive, got " + capacity[j]);
      }
    }
    for (int k = 0; k < sizes.length; k++) {
      long s = sizes[k];
      if (s < 0) {
        throw new IllegalArgumentException(
            "item " + (k / d) + " size[" + (k % d) + "]: must not be negative, got " + s);
      }
      if (s > capacity[k % d]) {
        throw new IllegalArgumentException(
            "item "
                + (k / d)
                + " size["
                + (k % d)
                + "]: "
                + s
                + " is larger than the bin capacity "
                + capacity[k % d]);
      }
    }
    return new PackingInstance(name, capacity, sizes);
  }

  /** The same instance with a display name (a file name, for example). */
  public PackingInstance named(String newName) {
    Objects.requireNonNull(newName, "name");
    return new PackingInstance(newName, capacity, sizes);
  }

  /** The display name; {@code "instance"} unless set with {@link #named(String)}. */
  public String name() {
    return name;
  }

  /** The number of dimensions {@code d}, at least one. */
  public int dimensions() {
    return dimensions;
  }

  /** The number of items {@code n}. */
  public int itemCount() {
    return sizes.length / dimensions;
  }

  /** The bin capacity in dimension {@code dim}. */
  public long capacity(int dim) {
    return capacity[dim];
  }

  /** A copy of the bin capacity vector. */
  public long[] capacity() {
    return capacity.clone();
  }

  /** The size of item {@code item} in dimension {@code dim}. */
  public long size(int item, int dim) {
    return sizes[item * dimensions + dim];
  }

  /** A copy of item {@code item}'s size vector. */
  public long[] item(int item) {
    return Arrays.copyOfRange(sizes, item * dimensions, (item + 1) * dimensions);
  }

  /** The item sizes, row-major, shared (not copied) for the package's hot loops. */
  long[] sizesShared() {
    return sizes;
  }

  /** The capacity, shared (not copied) for the package's hot loops. */
  long[] capacityShared() {
    return capacity;
  }

  /** Equal when name, capacity and every size are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof PackingInstance other
        && name.equals(other.name)
        && Arrays.equals(capacity, other.capacity)
        && Arrays.equals(sizes, other.sizes);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + Arrays.hashCode(capacity)) + Arrays.hashCode(sizes);
  }

  /** For example {@code PackingInstance[u120_00, items=120, capacity=[150]]}. */
  @Override
  public String toString() {
    return "PackingInstance["
        + name
        + ", items="
        + itemCount()
        + ", capacity="
        + Arrays.toString(capacity)
        + "]";
  }
}
