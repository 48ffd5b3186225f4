package io.platformsim.scheduler.state;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.cluster.Taint;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.Operator;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.pod.Requirement;
import io.platformsim.scheduler.resource.DimensionRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutable cluster state: nodes (append-only, addressed by a dense index) and the pods bound to
 * them. Bind and unbind update every array and index incrementally in O(dims + the pod's labels +
 * the selectors that match it). A node is never removed; it can be cordoned and uncordoned with
 * {@link #setUnschedulable} (upstream {@code kubectl cordon}, i.e. {@code spec.unschedulable}),
 * which keeps its pods.
 *
 * <p>Layout: {@code allocatable[node * dims + r]} and {@code requested[node * dims + r]}; {@code
 * nonZeroRequested[node * 2 + {0: cpu, 1: memory}]} sums the pods' scoring requests (upstream
 * NodeInfo.NonZeroRequested). {@link #bind} does not check fit: schedulers check, and callers such
 * as DaemonSet placement may bind regardless. Not thread-safe.
 */
public final class NodeTable {
  private static final int JOURNAL_CAPACITY = 1 << 12;

  private final DimensionRegistry registry;
  private final int dims;
  private int size;
  private long[] allocatable;
  private long[] requested;
  private long[] nonZeroRequested;
  private long[] version;
  private boolean[] unschedulable;
  private final ArrayList<NodeSpec> specs = new ArrayList<>();
  private final Map<String, Integer> byName = new HashMap<>();
  private final ArrayList<List<PodSpec>> pods = new ArrayList<>();
  // Bound pods by id: open addressing (linear probing, backward-shift deletion) over parallel
  // arrays, slot empty where boundSpecs is null; a BoundPod is built only when asked for. A
  // HashMap node plus a BoundPod record per pod was ~70 bytes; this is ~16 per slot.
  private PodSpec[] boundSpecs = new PodSpec[16];
  private int[] boundNodes = new int[16];
  // bind sequences as ints while every one fits (fewer than 2^31 binds), widened to longs for
  // good by the first that does not: exact either way, half the bytes in practice
  private int[] boundSequencesNarrow = new int[16];
  private long[] boundSequencesWide;
  private int boundCount;
  private final Map<String, BoundPod> withAntiAffinity = new LinkedHashMap<>();
  private final Map<String, Integer> imageNodes = new HashMap<>();
  // Selector counts, kept for every selector ever asked for (sparse, so no eviction). A selector
  // with an equality requirement is indexed under its first one, so a bind visits only the
  // selectors that share a label with the pod; the rest (rare) are checked on every bind.
  private final Map<LabelSelector, PodCounts> selectorCounts = new HashMap<>();
  private final Map<String, Map<String, LabelPair>> labelPairs = new HashMap<>();
  private final List<PodCounts> countsUnindexed = new ArrayList<>();
  private final Map<String, Integer> nodesWithout = new HashMap<>();
  private final Map<String, int[]> domainIds = new HashMap<>();
  private final Map<String, Integer> domainCounts = new HashMap<>();
  private final Map<String, long[]> imageSizes = new HashMap<>();
  private long modCount;
  private long structureVersion;
  private long bindSequence;
  private final int[] journal = new int[JOURNAL_CAPACITY];
  private long changeSequence;

  /** An empty table over {@code registry}. */
  public NodeTable(DimensionRegistry registry) {
    this.registry = registry;
    this.dims = registry.size();
    int cap = 16;
    allocatable = new long[cap * dims];
    requested = new long[cap * dims];
    nonZeroRequested = new long[cap * 2];
    version = new long[cap];
    unschedulable = new boolean[cap];
  }

  // copy(): every mutable part duplicated; immutable parts (specs, pods, domain-id and image-size
  // arrays, which are replaced, never written) shared
  private NodeTable(NodeTable o) {
    this.registry = o.registry;
    this.dims = o.dims;
    this.size = o.size;
    this.allocatable = o.allocatable.clone();
    this.requested = o.requested.clone();
    this.nonZeroRequested = o.nonZeroRequested.clone();
    this.version = o.version.clone();
    this.unschedulable = o.unschedulable.clone();
    this.specs.addAll(o.specs);
    this.byName.putAll(o.byName);
    this.pods.ensureCapacity(o.pods.size());
    for (List<PodSpec> list : o.pods) {
      this.pods.add(new ArrayList<>(list));
    }
    this.boundSpecs = o.boundSpecs.clone();
    this.boundNodes = o.boundNodes.clone();
    this.boundSequencesNarrow =
        o.boundSequencesNarrow == null ? null : o.boundSequencesNarrow.clone();
    this.boundSequencesWide = o.boundSequencesWide == null ? null : o.boundSequencesWide.clone();
    this.boundCount = o.boundCount;
    this.withAntiAffinity.putAll(o.withAntiAffinity);
    this.imageNodes.putAll(o.imageNodes);
    Map<PodCounts, PodCounts> copied = new IdentityHashMap<>();
    o.selectorCounts.forEach(
        (selector, counts) -> {
          PodCounts c = new PodCounts(this, counts);
          copied.put(counts, c);
          this.selectorCounts.put(selector, c);
        });
    o.labelPairs.forEach(
        (key, byValue) -> {
          Map<String, LabelPair> mine = new HashMap<>();
          byValue.forEach(
              (value, pair) -> {
                LabelPair p = new LabelPair();
                p.bound = pair.bound;
                if (!pair.selectors.isEmpty()) {
                  List<PodCounts> selectors = new ArrayList<>(pair.selectors.size());
                  for (PodCounts c : pair.selectors) {
                    selectors.add(copied.get(c));
                  }
                  p.selectors = selectors;
                }
                mine.put(value, p);
              });
          this.labelPairs.put(key, mine);
        });
    for (PodCounts c : o.countsUnindexed) {
      this.countsUnindexed.add(copied.get(c));
    }
    this.nodesWithout.putAll(o.nodesWithout);
    this.domainIds.putAll(o.domainIds);
    this.domainCounts.putAll(o.domainCounts);
    this.imageSizes.putAll(o.imageSizes);
    this.modCount = o.modCount;
    this.structureVersion = o.structureVersion;
    this.bindSequence = o.bindSequence;
    System.arraycopy(o.journal, 0, this.journal, 0, JOURNAL_CAPACITY);
    this.changeSequence = o.changeSequence;
  }

  /**
   * An independent copy of this table: same nodes, bound pods (with their bind sequences and
   * per-node order), cordons, versions, change journal and counted selectors, so everything it
   * reports is what this table reports; from then on a change to either leaves the other as it was.
   * For placement experiments (cluster-autoscaler simulations) that must not touch the live
   * cluster. O(nodes + bound pods + counted selectors' entries), by array copies.
   */
  public NodeTable copy() {
    return new NodeTable(this);
  }

  /**
   * Adds a node and returns its index.
   *
   * @throws IllegalArgumentException if the name is taken or the registry differs
   */
  public int addNode(NodeSpec spec) {
    if (spec.allocatable().registry() != registry) {
      throw new IllegalArgumentException(
          "node '" + spec.name() + "': allocatable uses a different dimension registry");
    }
    if (byName.containsKey(spec.name())) {
      throw new IllegalArgumentException("node.name '" + spec.name() + "' already exists");
    }
    if (size == version.length) {
      resize(size * 2);
    }
    int i = size++;
    for (int r = 0; r < dims; r++) {
      allocatable[i * dims + r] = spec.allocatable().get(r);
    }
    unschedulable[i] = spec.unschedulable();
    specs.add(spec);
    byName.put(spec.name(), i);
    pods.add(new ArrayList<>());
    for (String image : spec.images().keySet()) {
      imageNodes.merge(image, 1, Integer::sum);
    }
    domainIds.clear();
    domainCounts.clear();
    nodesWithout.clear();
    imageSizes.clear();
    modCount++;
    structureVersion++;
    return i;
  }

  /**
   * Makes room for {@code nodes} nodes in all, so that adding up to that many copies nothing. A
   * caller that knows its cluster's size spares the unused room doubling leaves (a cluster of 4,357
   * nodes otherwise gets room for 8,192). Never shrinks the table.
   *
   * @throws IllegalArgumentException if {@code nodes} is negative
   */
  public void ensureCapacity(int nodes) {
    if (nodes < 0) {
      throw new IllegalArgumentException("nodes must be >= 0, was " + nodes);
    }
    if (nodes > version.length) {
      resize(nodes);
      specs.ensureCapacity(nodes);
      pods.ensureCapacity(nodes);
    }
  }

  private void resize(int cap) {
    allocatable = Arrays.copyOf(allocatable, cap * dims);
    requested = Arrays.copyOf(requested, cap * dims);
    nonZeroRequested = Arrays.copyOf(nonZeroRequested, cap * 2);
    version = Arrays.copyOf(version, cap);
    unschedulable = Arrays.copyOf(unschedulable, cap);
  }

  /** The registry. */
  public DimensionRegistry registry() {
    return registry;
  }

  /** Number of dimensions (stride of the per-node arrays). */
  public int dims() {
    return dims;
  }

  /** Number of nodes. */
  public int size() {
    return size;
  }

  /** Node description. */
  public NodeSpec node(int node) {
    return specs.get(node);
  }

  /** Node name. */
  public String name(int node) {
    return specs.get(node).name();
  }

  /** Node labels. */
  public Map<String, String> labels(int node) {
    return specs.get(node).labels();
  }

  /** Node taints. */
  public List<Taint> taints(int node) {
    return specs.get(node).taints();
  }

  /**
   * Whether the node is cordoned ({@code spec.unschedulable}); same as {@link
   * #isUnschedulable(int)}.
   */
  public boolean unschedulable(int node) {
    return unschedulable[node];
  }

  /**
   * Whether the node is cordoned ({@code spec.unschedulable}): the NodeUnschedulable filter rejects
   * it.
   */
  public boolean isUnschedulable(int node) {
    checkNode("isUnschedulable", node);
    return unschedulable[node];
  }

  /**
   * Cordons ({@code true}) or uncordons ({@code false}) the node, as {@code kubectl cordon} /
   * {@code uncordon} set {@code spec.unschedulable}. Bound pods stay where they are; only new
   * placements are affected (the NodeUnschedulable filter rejects the node unless the pod tolerates
   * {@code node.kubernetes.io/unschedulable:NoSchedule}). A real change bumps the node's {@link
   * #version(int)} and goes into the change journal like a bind, so placement caches re-evaluate
   * exactly this node; {@link #node(int)} then reports the new flag too. Setting the flag it
   * already has changes nothing.
   *
   * @return whether the flag changed
   * @throws IllegalArgumentException if the node index is out of range
   */
  public boolean setUnschedulable(int node, boolean unschedulable) {
    checkNode("setUnschedulable", node);
    if (this.unschedulable[node] == unschedulable) {
      return false;
    }
    this.unschedulable[node] = unschedulable;
    NodeSpec s = specs.get(node);
    // keep node(i) truthful; labels, taints and images are unchanged, so no index is touched
    specs.set(
        node,
        new NodeSpec(s.name(), s.allocatable(), s.labels(), s.taints(), unschedulable, s.images()));
    version[node]++;
    journal[(int) (changeSequence++ & (JOURNAL_CAPACITY - 1))] = node;
    modCount++;
    return true;
  }

  private void checkNode(String op, int node) {
    if (node < 0 || node >= size) {
      throw new IllegalArgumentException(
          op + ": node index " + node + " out of range [0, " + size + ")");
    }
  }

  /**
   * Index of the named node.
   *
   * @throws IllegalArgumentException if unknown
   */
  public int indexOf(String name) {
    Integer i = byName.get(name);
    if (i == null) {
      throw new IllegalArgumentException("unknown node '" + name + "'");
    }
    return i;
  }

  /** Allocatable of dimension {@code r}. */
  public long allocatable(int node, int r) {
    return allocatable[node * dims + r];
  }

  /** Sum of bound pods' requests of dimension {@code r} (pods: the pod count). */
  public long requested(int node, int r) {
    return requested[node * dims + r];
  }

  /** Sum of bound pods' scoring requests of CPU or memory. */
  public long nonZeroRequested(int node, int r) {
    if (r != DimensionRegistry.CPU && r != DimensionRegistry.MEMORY) {
      throw new IllegalArgumentException(
          "nonZeroRequested: dimension " + r + " is neither cpu nor memory");
    }
    return nonZeroRequested[node * 2 + r];
  }

  /** Pods bound to the node (read-only view). */
  public List<PodSpec> pods(int node) {
    return Collections.unmodifiableList(pods.get(node));
  }

  /** Bumped on every change of the node (bind, unbind, cordon, uncordon); caches compare it. */
  public long version(int node) {
    return version[node];
  }

  /** Bumped on every change of the table. */
  public long modCount() {
    return modCount;
  }

  /** Bumped when nodes are added (array views must then be fetched again). */
  public long structureVersion() {
    return structureVersion;
  }

  /** Number of nodes that have {@code image} cached. */
  public int imageNodeCount(String image) {
    return imageNodes.getOrDefault(image, 0);
  }

  /** Node index of a bound pod, or -1. */
  public int nodeOf(String podId) {
    int slot = boundSlot(podId);
    return slot < 0 ? -1 : boundNodes[slot];
  }

  /**
   * The bound pod with this id (a new record each call, equal for the same binding), or {@code
   * null}.
   */
  public BoundPod bound(String podId) {
    int slot = boundSlot(podId);
    return slot < 0 ? null : new BoundPod(boundSpecs[slot], boundNodes[slot], boundSequence(slot));
  }

  /** Number of bound pods. */
  public int boundCount() {
    return boundCount;
  }

  private int boundSlot(String podId) {
    if (podId == null) {
      return -1;
    }
    int mask = boundSpecs.length - 1;
    for (int i = LinearProbing.mix(podId.hashCode()) & mask; ; i = (i + 1) & mask) {
      PodSpec s = boundSpecs[i];
      if (s == null) {
        return -1;
      }
      if (s.id().equals(podId)) {
        return i;
      }
    }
  }

  private long boundSequence(int slot) {
    return boundSequencesWide != null ? boundSequencesWide[slot] : boundSequencesNarrow[slot];
  }

  private void setBoundSequence(int slot, long sequence) {
    if (boundSequencesWide == null && (int) sequence != sequence) {
      boundSequencesWide = new long[boundSequencesNarrow.length];
      for (int i = 0; i < boundSequencesNarrow.length; i++) {
        boundSequencesWide[i] = boundSequencesNarrow[i];
      }
      boundSequencesNarrow = null;
    }
    if (boundSequencesWide != null) {
      boundSequencesWide[slot] = sequence;
    } else {
      boundSequencesNarrow[slot] = (int) sequence;
    }
  }

  private void putBound(PodSpec pod, int node, long sequence) {
    if (4 * (boundCount + 1) > 3 * boundSpecs.length) {
      PodSpec[] specs = boundSpecs;
      int[] nodes = boundNodes;
      long[] sequences = new long[specs.length];
      for (int i = 0; i < specs.length; i++) {
        sequences[i] = specs[i] == null ? 0 : boundSequence(i);
      }
      boundSpecs = new PodSpec[specs.length * 2];
      boundNodes = new int[specs.length * 2];
      if (boundSequencesWide != null) {
        boundSequencesWide = new long[specs.length * 2];
      } else {
        boundSequencesNarrow = new int[specs.length * 2];
      }
      for (int i = 0; i < specs.length; i++) {
        if (specs[i] != null) {
          insertBound(specs[i], nodes[i], sequences[i]);
        }
      }
    }
    insertBound(pod, node, sequence);
    boundCount++;
  }

  private void insertBound(PodSpec pod, int node, long sequence) {
    int mask = boundSpecs.length - 1;
    int i = LinearProbing.mix(pod.id().hashCode()) & mask;
    while (boundSpecs[i] != null) {
      i = (i + 1) & mask;
    }
    boundSpecs[i] = pod;
    boundNodes[i] = node;
    setBoundSequence(i, sequence);
  }

  // Backward-shift deletion keeps every probe chain intact without tombstones.
  private void removeBoundAt(int slot) {
    int mask = boundSpecs.length - 1;
    int hole = slot;
    int i = slot;
    while (true) {
      i = (i + 1) & mask;
      PodSpec s = boundSpecs[i];
      if (s == null) {
        break;
      }
      int home = LinearProbing.mix(s.id().hashCode()) & mask;
      if (!LinearProbing.staysAfterHole(home, hole, i)) {
        boundSpecs[hole] = s;
        boundNodes[hole] = boundNodes[i];
        setBoundSequence(hole, boundSequence(i));
        hole = i;
      }
    }
    boundSpecs[hole] = null;
    boundNodes[hole] = 0;
    setBoundSequence(hole, 0);
    boundCount--;
  }

  /** Bound pods that carry required anti-affinity terms, in bind order. */
  public Collection<BoundPod> podsWithAntiAffinity() {
    return Collections.unmodifiableCollection(withAntiAffinity.values());
  }

  /**
   * Binds {@code pod} to {@code node}.
   *
   * @throws IllegalArgumentException if the pod id is already bound, the node index is out of range
   *     or the pod uses another registry
   */
  public void bind(PodSpec pod, int node) {
    bind(pod, node, ++bindSequence);
  }

  /**
   * Binds a pod that was unbound earlier back with its original sequence and position in the node's
   * pod list, so a dry run (preemption) can restore the table exactly.
   *
   * @throws IllegalArgumentException as {@link #bind}, or if the sequence was never issued
   */
  public void restore(BoundPod previous) {
    if (previous.sequence() <= 0 || previous.sequence() > bindSequence) {
      throw new IllegalArgumentException(
          "restore: sequence "
              + previous.sequence()
              + " of pod '"
              + previous.pod().id()
              + "' was never issued");
    }
    bind(previous.pod(), previous.node(), previous.sequence());
  }

  private void bind(PodSpec pod, int node, long sequence) {
    if (node < 0 || node >= size) {
      throw new IllegalArgumentException(
          "bind: node index " + node + " out of range [0, " + size + ")");
    }
    if (pod.registry() != registry) {
      throw new IllegalArgumentException(
          "bind: pod '" + pod.id() + "' uses a different dimension registry");
    }
    int existing = boundSlot(pod.id());
    if (existing >= 0) {
      throw new IllegalArgumentException(
          "bind: pod '"
              + pod.id()
              + "' is already bound to node '"
              + name(boundNodes[existing])
              + "'");
    }
    int base = node * dims;
    for (int r = 0; r < dims; r++) {
      requested[base + r] = Math.addExact(requested[base + r], pod.request(r));
    }
    nonZeroRequested[node * 2] = Math.addExact(nonZeroRequested[node * 2], pod.nonZeroCpu());
    nonZeroRequested[node * 2 + 1] =
        Math.addExact(nonZeroRequested[node * 2 + 1], pod.nonZeroMemory());
    List<PodSpec> list = pods.get(node);
    int at = list.size();
    // a fresh bind has the newest sequence and goes last; only restore() may go further up
    while (sequence != bindSequence
        && at > 0
        && boundSequence(boundSlot(list.get(at - 1).id())) > sequence) {
      at--;
    }
    list.add(at, pod);
    putBound(pod, node, sequence);
    if (!pod.antiAffinity().isEmpty()) {
      withAntiAffinity.put(pod.id(), new BoundPod(pod, node, sequence));
    }
    countMatching(pod, node, 1);
    version[node]++;
    journal[(int) (changeSequence++ & (JOURNAL_CAPACITY - 1))] = node;
    modCount++;
  }

  /**
   * Unbinds the pod and restores the node state exactly.
   *
   * @return the pod and the node it was on
   * @throws IllegalArgumentException if no pod with that id is bound
   */
  public BoundPod unbind(String podId) {
    int slot = boundSlot(podId);
    if (slot < 0) {
      throw new IllegalArgumentException("unbind: pod '" + podId + "' is not bound");
    }
    BoundPod b = new BoundPod(boundSpecs[slot], boundNodes[slot], boundSequence(slot));
    removeBoundAt(slot);
    PodSpec pod = b.pod();
    int node = b.node();
    int base = node * dims;
    for (int r = 0; r < dims; r++) {
      requested[base + r] -= pod.request(r);
    }
    nonZeroRequested[node * 2] -= pod.nonZeroCpu();
    nonZeroRequested[node * 2 + 1] -= pod.nonZeroMemory();
    List<PodSpec> list = pods.get(node);
    for (int i = list.size() - 1; i >= 0; i--) {
      if (list.get(i).id().equals(podId)) {
        list.remove(i);
        break;
      }
    }
    withAntiAffinity.remove(podId);
    countMatching(pod, node, -1);
    version[node]++;
    journal[(int) (changeSequence++ & (JOURNAL_CAPACITY - 1))] = node;
    modCount++;
    return b;
  }

  /**
   * Number of node changes (binds, unbinds, cordons and uncordons) so far; with {@link
   * #changedNode(long)} a cache can replay the changes since it last looked instead of rescanning
   * every node.
   */
  public long changeSequence() {
    return changeSequence;
  }

  /** How many past changes {@link #changedNode(long)} remembers. */
  public int journalCapacity() {
    return JOURNAL_CAPACITY;
  }

  /**
   * The node touched by change number {@code seq}.
   *
   * @throws IllegalArgumentException if {@code seq} is not among the last {@link
   *     #journalCapacity()} changes
   */
  public int changedNode(long seq) {
    if (seq < 0 || seq >= changeSequence || changeSequence - seq > JOURNAL_CAPACITY) {
      throw new IllegalArgumentException(
          "changedNode: change "
              + seq
              + " is outside the journal ["
              + Math.max(0, changeSequence - JOURNAL_CAPACITY)
              + ", "
              + changeSequence
              + ")");
    }
    return journal[(int) (seq & (JOURNAL_CAPACITY - 1))];
  }

  // ---- views and indexes for the fast path (read-only; re-fetch after structureVersion changes)
  // ----

  /** Live view of allocatable, stride {@link #dims()}. Do not modify. */
  public long[] allocatableView() {
    return allocatable;
  }

  /** Live view of requested, stride {@link #dims()}. Do not modify. */
  public long[] requestedView() {
    return requested;
  }

  /** Live view of non-zero requested (cpu, memory), stride 2. Do not modify. */
  public long[] nonZeroRequestedView() {
    return nonZeroRequested;
  }

  /** Live view of the unschedulable flags. Do not modify. */
  public boolean[] unschedulableView() {
    return unschedulable;
  }

  /** Live view of node versions. Do not modify. */
  public long[] versionView() {
    return version;
  }

  /** Bound pods carrying one label key=value, and the counted selectors indexed under it. */
  private static final class LabelPair {
    int bound;
    List<PodCounts> selectors = List.of();
  }

  private void countMatching(PodSpec pod, int node, int delta) {
    Map<String, String> labels = pod.labels();
    for (Map.Entry<String, String> label : labels.entrySet()) {
      LabelPair pair =
          labelPairs
              .computeIfAbsent(label.getKey(), k -> new HashMap<>())
              .computeIfAbsent(label.getValue(), v -> new LabelPair());
      pair.bound += delta;
      for (PodCounts c : pair.selectors) {
        if (c.selector().matches(labels)) {
          c.add(node, delta);
        }
      }
    }
    for (PodCounts c : countsUnindexed) {
      if (c.selector().matches(labels)) {
        c.add(node, delta);
      }
    }
  }

  /**
   * The bound pods {@code selector} matches, per node and per domain: a live view kept current from
   * this call on (the first call scans every bound pod once).
   */
  public PodCounts matchingPods(LabelSelector selector) {
    PodCounts counts = selectorCounts.get(selector);
    if (counts == null) {
      counts = new PodCounts(this, selector);
      selectorCounts.put(selector, counts);
      Requirement eq = null;
      for (Requirement r : selector.requirements()) {
        if (r.operator() == Operator.IN && r.values().size() == 1) {
          eq = r;
          break;
        }
      }
      LabelPair pair = null;
      if (eq == null) {
        countsUnindexed.add(counts);
      } else {
        pair =
            labelPairs
                .computeIfAbsent(eq.key(), k -> new HashMap<>())
                .computeIfAbsent(eq.values().get(0), v -> new LabelPair());
        List<PodCounts> grown = new ArrayList<>(pair.selectors.size() + 1);
        grown.addAll(pair.selectors);
        grown.add(counts);
        pair.selectors = grown;
      }
      // A service's first placement asks before any of its pods is bound: nothing to scan.
      // (The counts are sums, so the order of this scan does not matter.)
      if (pair == null || pair.bound > 0) {
        for (int i = 0; i < boundSpecs.length; i++) {
          PodSpec s = boundSpecs[i];
          if (s != null && selector.matches(s.labels())) {
            counts.add(boundNodes[i], 1);
          }
        }
      }
    }
    return counts;
  }

  /** Per-node counts of the bound pods {@code selector} matches, as a fresh dense array. */
  public int[] matchingPodCounts(LabelSelector selector) {
    return matchingPods(selector).toArray(size);
  }

  /** Number of nodes without label {@code key} (they belong to no domain of it). */
  public int nodesWithout(String key) {
    Integer missing = nodesWithout.get(key);
    if (missing == null) {
      int m = 0;
      for (int id : domainIds(key)) {
        m += id < 0 ? 1 : 0;
      }
      missing = m;
      nodesWithout.put(key, m);
    }
    return missing;
  }

  /**
   * Per-node dense id of the node's value for label {@code key} (ids in first-seen node order), or
   * -1 where the node lacks the label. Live view; do not modify.
   */
  public int[] domainIds(String key) {
    int[] ids = domainIds.get(key);
    if (ids == null) {
      ids = new int[size];
      Map<String, Integer> seen = new HashMap<>();
      for (int n = 0; n < size; n++) {
        String v = specs.get(n).labels().get(key);
        if (v == null) {
          ids[n] = -1;
        } else {
          Integer id = seen.get(v);
          if (id == null) {
            id = seen.size();
            seen.put(v, id);
          }
          ids[n] = id;
        }
      }
      domainIds.put(key, ids);
      domainCounts.put(key, seen.size());
    }
    return ids;
  }

  /** Number of distinct values of label {@code key} over all nodes. */
  public int domainCount(String key) {
    domainIds(key);
    return domainCounts.get(key);
  }

  /** Per-node size of {@code image} (0 where absent). Live view; do not modify. */
  public long[] imageSizes(String image) {
    long[] s = imageSizes.get(image);
    if (s == null) {
      s = new long[size];
      for (int n = 0; n < size; n++) {
        Long v = specs.get(n).images().get(image);
        s[n] = v == null ? 0 : v;
      }
      imageSizes.put(image, s);
    }
    return s;
  }

  @Override
  public String toString() {
    return "NodeTable[" + size + " nodes, " + boundCount + " pods, dims=" + registry.names() + "]";
  }
}
