package io.platformsim.scheduler.cluster;

import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.resource.ResourceVector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable node description. Labels always include {@link #HOSTNAME} (the kubelet sets it to
 * the node name upstream); the zone goes in {@link #ZONE}. {@code images} maps image name to size
 * in bytes (node status {@code images}, used by ImageLocality).
 */
public record NodeSpec(
    String name,
    ResourceVector allocatable,
    Map<String, String> labels,
    List<Taint> taints,
    boolean unschedulable,
    Map<String, Long> images) {
  /** Well-known hostname label. */
  public static final String HOSTNAME = "kubernetes.io/hostname";

  /** Well-known zone label. */
  public static final String ZONE = "topology.kubernetes.io/zone";

  /** Validates and copies. */
  public NodeSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("node.name is blank");
    }
    if (allocatable == null) {
      throw new IllegalArgumentException("node.allocatable is null for node '" + name + "'");
    }
    Map<String, String> l = new TreeMap<>(labels == null ? Map.of() : labels);
    l.putIfAbsent(HOSTNAME, name);
    labels = Map.copyOf(l);
    taints = List.copyOf(taints == null ? List.of() : taints);
    Map<String, Long> im = new LinkedHashMap<>();
    if (images != null) {
      images.forEach(
          (k, v) -> {
            if (v == null || v < 0) {
              throw new IllegalArgumentException(
                  "node.images['"
                      + k
                      + "'] size must be >= 0, got "
                      + v
                      + " on node '"
                      + name
                      + "'");
            }
            im.put(k, v);
          });
    }
    // most nodes report no image: share the empty map instead of a map and a view per node
    images = im.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(im);
  }

  /** A builder for node {@code name} over {@code registry}. */
  public static Builder builder(String name, DimensionRegistry registry) {
    return new Builder(name, registry);
  }

  /** Builder. */
  public static final class Builder {
    private final String name;
    private final ResourceVector.Builder allocatable;
    private final Map<String, String> labels = new TreeMap<>();
    private final List<Taint> taints = new ArrayList<>();
    private final Map<String, Long> images = new LinkedHashMap<>();
    private boolean unschedulable;

    private Builder(String name, DimensionRegistry registry) {
      this.name = name;
      this.allocatable = ResourceVector.builder(registry);
    }

    /** Allocatable quantity, e.g. {@code ("cpu", "4")}. */
    public Builder allocatable(String dimension, String quantity) {
      allocatable.set(dimension, quantity);
      return this;
    }

    /** Allocatable in base units (milli for CPU). */
    public Builder allocatable(String dimension, long value) {
      allocatable.set(dimension, value);
      return this;
    }

    /** Adds a label. */
    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    /** Sets the zone label. */
    public Builder zone(String zone) {
      return label(ZONE, zone);
    }

    /** Adds a taint. */
    public Builder taint(String key, String value, TaintEffect effect) {
      taints.add(new Taint(key, value, effect));
      return this;
    }

    /** Marks the node cordoned ({@code spec.unschedulable}). */
    public Builder unschedulable(boolean u) {
      unschedulable = u;
      return this;
    }

    /** Adds a cached image. */
    public Builder image(String image, long sizeBytes) {
      images.put(image, sizeBytes);
      return this;
    }

    /** The node. */
    public NodeSpec build() {
      return new NodeSpec(name, allocatable.build(), labels, taints, unschedulable, images);
    }
  }
}
