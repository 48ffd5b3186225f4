package io.platformsim.scheduler.resource;

import java.util.Arrays;

/**
 * An immutable vector of non-negative {@code long} quantities over a {@link DimensionRegistry},
 * remembering which dimensions were explicitly specified (upstream treats an unspecified CPU or
 * memory request differently from an explicit 0 when scoring).
 */
public final class ResourceVector {
  private final DimensionRegistry registry;
  private final long[] values;
  private final long specified;

  private ResourceVector(DimensionRegistry registry, long[] values, long specified) {
    this.registry = registry;
    this.values = values;
    this.specified = specified;
  }

  /** The empty vector (all zero, nothing specified). */
  public static ResourceVector empty(DimensionRegistry registry) {
    return new ResourceVector(registry, new long[registry.size()], 0L);
  }

  /** A builder over {@code registry}. */
  public static Builder builder(DimensionRegistry registry) {
    return new Builder(registry);
  }

  /** Shortcut: {@code of(reg, "cpu", "500m", "memory", "1Gi")}. */
  public static ResourceVector of(DimensionRegistry registry, String... namesAndQuantities) {
    if (namesAndQuantities.length % 2 != 0) {
      throw new IllegalArgumentException(
          "resources: expected name/quantity pairs, got " + namesAndQuantities.length + " strings");
    }
    Builder b = builder(registry);
    for (int i = 0; i < namesAndQuantities.length; i += 2) {
      b.set(namesAndQuantities[i], namesAndQuantities[i + 1]);
    }
    return b.build();
  }

  /** The registry. */
  public DimensionRegistry registry() {
    return registry;
  }

  /** Value of dimension {@code i} in base units (milli for CPU). */
  public long get(int i) {
    return values[i];
  }

  /** Value of the named dimension. */
  public long get(String name) {
    return values[registry.indexOf(name)];
  }

  /** Whether dimension {@code i} was explicitly set (even to 0). */
  public boolean isSpecified(int i) {
    return (specified & (1L << i)) != 0;
  }

  /** A copy of the values. */
  public long[] toArray() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceVector v
        && v.registry == registry
        && v.specified == specified
        && Arrays.equals(v.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values) * 31 + Long.hashCode(specified);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (int i = 0; i < values.length; i++) {
      if (!isSpecified(i) && values[i] == 0) {
        continue;
      }
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(registry.name(i)).append('=');
      sb.append(i == DimensionRegistry.CPU ? values[i] + "m" : Long.toString(values[i]));
    }
    return sb.append('}').toString();
  }

  /** Mutable builder; {@link #build()} validates nothing further because every setter checks. */
  public static final class Builder {
    private final DimensionRegistry registry;
    private final long[] values;
    private long specified;

    private Builder(DimensionRegistry registry) {
      this.registry = registry;
      this.values = new long[registry.size()];
    }

    /** Sets a dimension from a quantity string ("500m", "2Gi"). */
    public Builder set(String name, String quantity) {
      int i = registry.indexOf(name);
      return set(i, registry.parse(i, quantity));
    }

    /** Sets a dimension in base units (milli for CPU). */
    public Builder set(String name, long value) {
      return set(registry.indexOf(name), value);
    }

    /** Sets dimension {@code i} in base units (milli for CPU). */
    public Builder set(int i, long value) {
      if (i < 0 || i >= values.length) {
        throw new IllegalArgumentException(
            "resource dimension index " + i + " out of range [0, " + values.length + ")");
      }
      values[i] = Quantity.check(registry.name(i), value);
      specified |= 1L << i;
      return this;
    }

    /** The vector. */
    public ResourceVector build() {
      return new ResourceVector(registry, values.clone(), specified);
    }
  }
}
