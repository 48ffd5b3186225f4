package io.platformsim.scheduler.pod;

import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.resource.ResourceVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable pod as the scheduler sees it, with its effective request precomputed.
 *
 * <p>Effective request per dimension (k8s.io/component-helpers resource/helpers.go {@code
 * PodRequests}, v1.31): {@code max(Σ containers, max over init containers) + overhead}; the {@code
 * pods} dimension is always 1. The "non-zero" CPU and memory used by the resource scorers replace
 * every unspecified container CPU request by 100 m and memory request by 200 MiB
 * (pkg/scheduler/util/pod_resources.go {@code DefaultMilliCPURequest}, {@code
 * DefaultMemoryRequest}) before the same formula. Sidecar (restartable) init containers are not
 * modelled.
 */
public final class PodSpec {
  /** Upstream default CPU request for scoring, milli-CPU (pkg/scheduler/util/pod_resources.go). */
  public static final long DEFAULT_MILLI_CPU_REQUEST = 100;

  /** Upstream default memory request for scoring, bytes: 200 MiB (same file). */
  public static final long DEFAULT_MEMORY_REQUEST = 200L * 1024 * 1024;

  private final String id;
  private final String tieBreakKey;
  // Everything but the name, shared by every pod stamped from one template by withId: a
  // controller's replicas then cost a name and three references each, not a full spec.
  private final Shape shape;

  /** The immutable, name-independent part of a pod spec. */
  private static final class Shape {
    final DimensionRegistry registry;
    final int priority;
    final List<Container> containers;
    final List<Container> initContainers;
    // null when no overhead is given (almost every pod): an empty vector per template was
    // retained for nothing; overhead() then hands out an empty one
    final ResourceVector overhead;
    final Map<String, String> labels;
    final List<Toleration> tolerations;
    final Map<String, String> nodeSelector;
    final List<NodeSelectorTerm> requiredNodeAffinity;
    final List<PreferredTerm> preferredNodeAffinity;
    final List<SpreadConstraint> spreadConstraints;
    final List<AntiAffinityTerm> antiAffinity;
    // whether the tie-break key was set apart from the id (else it follows the name)
    final boolean ownTieBreakKey;
    final long[] request;
    long nonZeroCpu;
    long nonZeroMemory;

    Shape(Builder b) {
      this.registry = b.registry;
      this.priority = b.priority;
      this.containers = List.copyOf(b.containers);
      this.initContainers = List.copyOf(b.initContainers);
      this.overhead = nonEmpty(b.overhead.build());
      this.labels = Map.copyOf(b.labels);
      this.tolerations = List.copyOf(b.tolerations);
      this.nodeSelector = Map.copyOf(b.nodeSelector);
      this.requiredNodeAffinity = List.copyOf(b.requiredNodeAffinity);
      this.preferredNodeAffinity = List.copyOf(b.preferredNodeAffinity);
      this.spreadConstraints = List.copyOf(b.spreadConstraints);
      this.antiAffinity = List.copyOf(b.antiAffinity);
      this.ownTieBreakKey = b.tieBreakKey != null && !b.tieBreakKey.equals(b.id);
      this.request = new long[registry.size()];
    }
  }

  private PodSpec(Builder b) {
    this.id = b.id;
    this.tieBreakKey = b.tieBreakKey == null ? id : b.tieBreakKey;
    this.shape = new Shape(b);
    for (Container c : shape.containers) {
      checkContainer(c);
    }
    for (Container c : shape.initContainers) {
      checkContainer(c);
    }
    if (shape.overhead != null && shape.overhead.isSpecified(DimensionRegistry.PODS)) {
      throw new IllegalArgumentException(
          "pod '" + id + "' overhead: the pods dimension cannot be requested");
    }
    long[] request = shape.request;
    for (int r = 0; r < request.length; r++) {
      request[r] = effective(r, false);
    }
    request[DimensionRegistry.PODS] = 1;
    shape.nonZeroCpu = effective(DimensionRegistry.CPU, true);
    shape.nonZeroMemory = effective(DimensionRegistry.MEMORY, true);
  }

  // withId: the same pod under another name; every immutable part is shared, not copied.
  private PodSpec(PodSpec template, String id) {
    this.id = id;
    this.shape = template.shape;
    this.tieBreakKey = shape.ownTieBreakKey ? template.tieBreakKey : id;
  }

  /**
   * This pod under the name {@code newId}, everything else equal and shared with this one (the
   * tie-break key follows the name unless it was set apart from it): how a controller stamps out
   * the replicas of one template without building and holding a spec per pod.
   *
   * @throws IllegalArgumentException if {@code newId} is null or blank
   */
  public PodSpec withId(String newId) {
    if (newId == null || newId.isBlank()) {
      throw new IllegalArgumentException("pod id must not be blank, was '" + newId + "'");
    }
    return new PodSpec(this, newId);
  }

  private void checkContainer(Container c) {
    if (c.requests().registry() != shape.registry) {
      throw new IllegalArgumentException(
          "pod '"
              + id
              + "' container '"
              + c.name()
              + "': requests use a different dimension registry");
    }
    if (c.requests().isSpecified(DimensionRegistry.PODS)) {
      throw new IllegalArgumentException(
          "pod '" + id + "' container '" + c.name() + "': the pods dimension cannot be requested");
    }
  }

  private long containerValue(Container c, int r, boolean nonZero) {
    ResourceVector v = c.requests();
    if (nonZero && !v.isSpecified(r)) {
      if (r == DimensionRegistry.CPU) {
        return DEFAULT_MILLI_CPU_REQUEST;
      }
      if (r == DimensionRegistry.MEMORY) {
        return DEFAULT_MEMORY_REQUEST;
      }
    }
    return v.get(r);
  }

  private long effective(int r, boolean nonZero) {
    long sum = 0;
    for (Container c : shape.containers) {
      sum = Math.addExact(sum, containerValue(c, r, nonZero));
    }
    long init = 0;
    for (Container c : shape.initContainers) {
      init = Math.max(init, containerValue(c, r, nonZero));
    }
    long total =
        Math.addExact(Math.max(sum, init), shape.overhead == null ? 0 : shape.overhead.get(r));
    if (total > io.platformsim.scheduler.resource.Quantity.MAX) {
      throw new IllegalArgumentException(
          "pod '"
              + id
              + "': effective request of "
              + shape.registry.name(r)
              + " ("
              + total
              + ") exceeds the maximum "
              + io.platformsim.scheduler.resource.Quantity.MAX);
    }
    return total;
  }

  /** A builder. */
  public static Builder builder(String id, DimensionRegistry registry) {
    return new Builder(id, registry);
  }

  /** Pod id (unique among bound pods). */
  public String id() {
    return id;
  }

  /** The dimension registry. */
  public DimensionRegistry registry() {
    return shape.registry;
  }

  /** Priority (higher is more important). */
  public int priority() {
    return shape.priority;
  }

  /** Containers. */
  public List<Container> containers() {
    return shape.containers;
  }

  /** Init containers. */
  public List<Container> initContainers() {
    return shape.initContainers;
  }

  /** Pod overhead (an empty vector, equal each call, when none was given). */
  public ResourceVector overhead() {
    return shape.overhead != null ? shape.overhead : ResourceVector.empty(shape.registry);
  }

  private static ResourceVector nonEmpty(ResourceVector v) {
    for (int r = 0; r < v.registry().size(); r++) {
      if (v.isSpecified(r) || v.get(r) != 0) {
        return v;
      }
    }
    return null;
  }

  /** Labels. */
  public Map<String, String> labels() {
    return shape.labels;
  }

  /** Tolerations. */
  public List<Toleration> tolerations() {
    return shape.tolerations;
  }

  /** spec.nodeSelector. */
  public Map<String, String> nodeSelector() {
    return shape.nodeSelector;
  }

  /** Required node affinity terms (ORed); empty means none. */
  public List<NodeSelectorTerm> requiredNodeAffinity() {
    return shape.requiredNodeAffinity;
  }

  /** Preferred node affinity terms. */
  public List<PreferredTerm> preferredNodeAffinity() {
    return shape.preferredNodeAffinity;
  }

  /** Topology spread constraints; empty means the system defaults apply. */
  public List<SpreadConstraint> spreadConstraints() {
    return shape.spreadConstraints;
  }

  /** Required anti-affinity terms. */
  public List<AntiAffinityTerm> antiAffinity() {
    return shape.antiAffinity;
  }

  /** Key hashed with the node for deterministic tie-breaking (defaults to the id). */
  public String tieBreakKey() {
    return tieBreakKey;
  }

  /** Effective request of dimension {@code r} (pods = 1). */
  public long request(int r) {
    return shape.request[r];
  }

  /** A copy of the effective request vector. */
  public long[] requestArray() {
    return shape.request.clone();
  }

  /** CPU request with unspecified container requests counted as 100 m (scoring only). */
  public long nonZeroCpu() {
    return shape.nonZeroCpu;
  }

  /** Memory request with unspecified container requests counted as 200 MiB (scoring only). */
  public long nonZeroMemory() {
    return shape.nonZeroMemory;
  }

  /** Non-zero request of CPU or memory; the plain request for any other dimension. */
  public long nonZeroRequest(int r) {
    return r == DimensionRegistry.CPU
        ? shape.nonZeroCpu
        : r == DimensionRegistry.MEMORY ? shape.nonZeroMemory : shape.request[r];
  }

  /** Whether node selector and required node affinity both match {@code nodeLabels}. */
  public boolean matchesNodeSelectorAndAffinity(Map<String, String> nodeLabels) {
    for (Map.Entry<String, String> e : shape.nodeSelector.entrySet()) {
      if (!e.getValue().equals(nodeLabels.get(e.getKey()))) {
        return false;
      }
    }
    if (shape.requiredNodeAffinity.isEmpty()) {
      return true;
    }
    for (NodeSelectorTerm t : shape.requiredNodeAffinity) {
      if (t.matches(nodeLabels)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    long[] request = shape.request;
    StringBuilder sb = new StringBuilder("Pod[").append(id).append(" req={");
    for (int r = 0; r < request.length; r++) {
      if (r == DimensionRegistry.PODS || request[r] == 0) {
        continue;
      }
      if (sb.charAt(sb.length() - 1) != '{') {
        sb.append(", ");
      }
      sb.append(shape.registry.name(r))
          .append('=')
          .append(request[r])
          .append(r == DimensionRegistry.CPU ? "m" : "");
    }
    sb.append('}');
    if (shape.priority != 0) {
      sb.append(" priority=").append(shape.priority);
    }
    if (!shape.labels.isEmpty()) {
      sb.append(" labels=").append(new TreeMap<>(shape.labels));
    }
    return sb.append(']').toString();
  }

  /** Builder; {@link #build()} validates. */
  public static final class Builder {
    private final String id;
    private final DimensionRegistry registry;
    private int priority;
    private final List<Container> containers = new ArrayList<>();
    private final List<Container> initContainers = new ArrayList<>();
    private final ResourceVector.Builder overhead;
    private final Map<String, String> labels = new TreeMap<>();
    private final List<Toleration> tolerations = new ArrayList<>();
    private final Map<String, String> nodeSelector = new TreeMap<>();
    private final List<NodeSelectorTerm> requiredNodeAffinity = new ArrayList<>();
    private final List<PreferredTerm> preferredNodeAffinity = new ArrayList<>();
    private final List<SpreadConstraint> spreadConstraints = new ArrayList<>();
    private final List<AntiAffinityTerm> antiAffinity = new ArrayList<>();
    private String tieBreakKey;

    private Builder(String id, DimensionRegistry registry) {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("pod.id is blank");
      }
      if (registry == null) {
        throw new IllegalArgumentException("pod '" + id + "': registry is null");
      }
      this.id = id;
      this.registry = registry;
      this.overhead = ResourceVector.builder(registry);
    }

    /** Adds a container. */
    public Builder container(Container c) {
      containers.add(c);
      return this;
    }

    /** Adds a container from name/quantity pairs, e.g. {@code ("app", "nginx", "cpu", "500m")}. */
    public Builder container(String name, String image, String... requests) {
      return container(new Container(name, image, ResourceVector.of(registry, requests)));
    }

    /** Adds an image-less container named {@code c<N>} with the given requests. */
    public Builder request(String... requests) {
      return container("c" + containers.size(), null, requests);
    }

    /** Adds an init container. */
    public Builder initContainer(String name, String image, String... requests) {
      initContainers.add(new Container(name, image, ResourceVector.of(registry, requests)));
      return this;
    }

    /** Sets one overhead quantity. */
    public Builder overhead(String dimension, String quantity) {
      overhead.set(dimension, quantity);
      return this;
    }

    /** Sets the priority. */
    public Builder priority(int p) {
      priority = p;
      return this;
    }

    /** Adds a label. */
    public Builder label(String k, String v) {
      labels.put(k, v);
      return this;
    }

    /** Adds a toleration. */
    public Builder toleration(Toleration t) {
      tolerations.add(t);
      return this;
    }

    /** Adds a nodeSelector entry. */
    public Builder nodeSelector(String k, String v) {
      nodeSelector.put(k, v);
      return this;
    }

    /** Adds a required node affinity term (terms are ORed). */
    public Builder requiredNodeAffinity(NodeSelectorTerm t) {
      requiredNodeAffinity.add(t);
      return this;
    }

    /** Adds a preferred node affinity term. */
    public Builder preferredNodeAffinity(int weight, NodeSelectorTerm t) {
      preferredNodeAffinity.add(new PreferredTerm(weight, t));
      return this;
    }

    /** Adds a topology spread constraint. */
    public Builder spread(SpreadConstraint c) {
      spreadConstraints.add(c);
      return this;
    }

    /** Adds a required anti-affinity term. */
    public Builder antiAffinity(AntiAffinityTerm t) {
      antiAffinity.add(t);
      return this;
    }

    /** Sets the tie-break key (default: the id). */
    public Builder tieBreakKey(String k) {
      tieBreakKey = k;
      return this;
    }

    /** The pod. */
    public PodSpec build() {
      return new PodSpec(this);
    }
  }
}
