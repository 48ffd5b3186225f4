package io.platformsim.scheduler.packing;

/**
 * How a size vector becomes one number, used to sort items for the "decreasing" heuristics and,
 * applied to a bin's residual capacity, to rank bins for best and worst fit.
 *
 * <p>Every measure works on the vector normalised by the bin capacity, {@code v[j] = size[j] /
 * capacity[j]}, so that CPU in millicores and memory in bytes weigh alike. In one dimension every
 * measure is increasing in the size, so all of them give the same order; the packing code then
 * compares the raw {@code long} sizes so that no rounding can reorder items.
 */
public enum SizeMeasure {
  /** {@code Σ v[j]}: the L1 norm, total normalised demand ("FFD-L1" in the literature). */
  SUM("sum"),
  /** {@code max v[j]}: the L∞ norm, the item's most constraining dimension. */
  MAX("max"),
  /**
   * {@code Π v[j]}: the normalised volume. An item with a zero in any dimension measures zero, so
   * this measure suits instances where every item needs every resource.
   */
  PRODUCT("prod"),
  /**
   * {@code sqrt(Σ v[j]²)}: the Euclidean (L2) norm; favours items that are big in some dimension.
   */
  L2("l2"),
  /**
   * {@code Σ w[j] · v[j]}: the dot product with the instance's average normalised item, {@code w[j]
   * = (Σ_i v_i[j]) / n}. Dimensions the whole workload needs much of weigh more, so items big in
   * the scarce resource go first (the "average sum" weighting of Panigrahy et al. 2011,
   * <i>Heuristics for Vector Bin Packing</i>).
   */
  DOT("dot");

  private final String key;

  SizeMeasure(String key) {
    this.key = key;
  }

  /** The short name used in algorithm names, for example {@code "l2"} in {@code "ffd-l2"}. */
  public String key() {
    return key;
  }

  /**
   * The measure of a normalised vector.
   *
   * @param v the normalised vector (each value usually in {@code [0, 1]})
   * @param weights the dimension weights for {@link #DOT}, from {@link #weights(PackingInstance)};
   *     ignored by the other measures
   */
  public double of(double[] v, double[] weights) {
    switch (this) {
      case SUM:
        {
          double s = 0;
          for (double x : v) {
            s += x;
          }
          return s;
        }
      case MAX:
        {
          double m = 0;
          for (double x : v) {
            m = Math.max(m, x);
          }
          return m;
        }
      case PRODUCT:
        {
          double p = 1;
          for (double x : v) {
            p *= x;
          }
          return p;
        }
      case L2:
        {
          double s = 0;
          for (double x : v) {
            s += x * x;
          }
          return Math.sqrt(s);
        }
      case DOT:
        {
          double s = 0;
          for (int j = 0; j < v.length; j++) {
            s += weights[j] * v[j];
          }
          return s;
        }
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * The measure of item {@code item} of {@code instance}, normalised by its capacity.
   *
   * @param scratch a work array of {@code instance.dimensions()} values, overwritten
   */
  double ofItem(PackingInstance instance, int item, double[] weights, double[] scratch) {
    int d = instance.dimensions();
    long[] sizes = instance.sizesShared();
    long[] cap = instance.capacityShared();
    for (int j = 0; j < d; j++) {
      scratch[j] = (double) sizes[item * d + j] / cap[j];
    }
    return of(scratch, weights);
  }

  /**
   * The weights {@link #DOT} uses: the average normalised item of {@code instance}, one value per
   * dimension (all zero for an instance without items).
   */
  public static double[] weights(PackingInstance instance) {
    int d = instance.dimensions();
    int n = instance.itemCount();
    double[] w = new double[d];
    if (n == 0) {
      return w;
    }
    long[] sizes = instance.sizesShared();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        w[j] += (double) sizes[i * d + j] / instance.capacity(j);
      }
    }
    for (int j = 0; j < d; j++) {
      w[j] /= n;
    }
    return w;
  }

  /** The measure with short name {@code key} ({@code sum, max, prod, l2, dot}). */
  public static SizeMeasure byKey(String key) {
    for (SizeMeasure m : values()) {
      if (m.key.equals(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "size measure: unknown '" + key + "', expected one of sum, max, prod, l2, dot");
  }
}
