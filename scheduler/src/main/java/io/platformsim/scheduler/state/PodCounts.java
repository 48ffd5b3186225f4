package io.platformsim.scheduler.state;

import io.platformsim.scheduler.pod.LabelSelector;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * How many bound pods one {@link LabelSelector} matches, per node and per topology domain: the
 * counts PodTopologySpread and inter-pod anti-affinity need. A live view that {@link NodeTable}
 * keeps current on every bind and unbind from the first {@link NodeTable#matchingPods} call on.
 *
 * <p>Sparse: memory is proportional to the nodes holding a matching pod, not to the cluster, so a
 * table can keep one per service (thousands) without eviction. Per-node counts live in an
 * open-addressing hash from node index to count, or in a dense array once more than an eighth of
 * the nodes hold a matching pod ({@link #denseView()}); per-domain totals for a topology key are
 * built on first use from those entries (O(matching nodes)) and then maintained; adding a node
 * (which may add a domain) drops them and they are rebuilt on the next call.
 */
public final class PodCounts {
  private static final int EMPTY = -1;

  private final NodeTable table;
  private final LabelSelector selector;
  // Open addressing up to 3/4 full, from four slots: most selectors (one per service) match pods
  // on a handful of nodes, and at half full with eight slots their tables were mostly empty.
  private int[] keys = filled(4);
  private int[] values = new int[4];
  // Once a selector matches pods on more than an eighth of the nodes, a dense array is both
  // smaller and faster: the counts move there for good (keys and values are dropped).
  private int[] dense;
  private int used;
  private int total;
  // Per-domain totals by topology key: the first key asked for inline (in practice the only
  // one, the zone), any others in a map made on demand; a HashMap per selector was ~200 bytes
  // for one entry. Invariant: moreDomainTotals != null implies domainKey != null.
  private String domainKey;
  private int[] domainTotal;
  private Map<String, int[]> moreDomainTotals;
  private long domainStructure;

  PodCounts(NodeTable table, LabelSelector selector) {
    this.table = table;
    this.selector = selector;
  }

  /**
   * A copy of {@code source} kept for {@code table} (a {@link NodeTable#copy()}), sharing nothing
   * mutable.
   */
  PodCounts(NodeTable table, PodCounts source) {
    this.table = table;
    this.selector = source.selector;
    this.keys = source.keys == null ? null : source.keys.clone();
    this.values = source.values == null ? null : source.values.clone();
    this.dense = source.dense == null ? null : source.dense.clone();
    this.used = source.used;
    this.total = source.total;
    this.domainKey = source.domainKey;
    this.domainTotal = source.domainTotal == null ? null : source.domainTotal.clone();
    if (source.moreDomainTotals != null) {
      this.moreDomainTotals = new HashMap<>();
      source.moreDomainTotals.forEach((k, v) -> moreDomainTotals.put(k, v.clone()));
    }
    this.domainStructure = source.domainStructure;
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, EMPTY);
    return a;
  }

  /** The selector counted. */
  public LabelSelector selector() {
    return selector;
  }

  /** Matching pods bound to {@code node} (0 for any node without one). */
  public int on(int node) {
    if (dense != null) {
      return node < dense.length ? dense[node] : 0;
    }
    int mask = keys.length - 1;
    for (int i = LinearProbing.mix(node) & mask; ; i = (i + 1) & mask) {
      int k = keys[i];
      if (k == node) {
        return values[i];
      }
      if (k == EMPTY) {
        return 0;
      }
    }
  }

  /** Matching pods over the whole table. */
  public int total() {
    return total;
  }

  /** Number of nodes holding at least one matching pod. */
  public int nodeCount() {
    return used;
  }

  /**
   * The nodes holding at least one matching pod, in no particular order (a fresh array); with
   * {@link #on(int)} a caller visits only those instead of every node.
   */
  public int[] nodes() {
    int[] out = new int[used];
    int j = 0;
    if (dense != null) {
      for (int node = 0; node < dense.length; node++) {
        if (dense[node] != 0) {
          out[j++] = node;
        }
      }
      return out;
    }
    for (int k : keys) {
      if (k != EMPTY) {
        out[j++] = k;
      }
    }
    return out;
  }

  /**
   * Matching pods per domain of topology label {@code key}, indexed by {@link
   * NodeTable#domainIds(String)}'s ids (nodes without the label count nowhere). Live view, valid
   * until the next node is added; do not modify.
   */
  public int[] inDomains(String key) {
    if (domainStructure != table.structureVersion()) {
      clearDomainTotals();
      domainStructure = table.structureVersion();
    }
    int[] totals =
        key.equals(domainKey)
            ? domainTotal
            : moreDomainTotals == null ? null : moreDomainTotals.get(key);
    if (totals == null) {
      int[] ids = table.domainIds(key);
      totals = new int[table.domainCount(key)];
      if (dense != null) {
        for (int node = 0; node < dense.length; node++) {
          if (dense[node] != 0 && ids[node] >= 0) {
            totals[ids[node]] += dense[node];
          }
        }
      } else {
        for (int i = 0; i < keys.length; i++) {
          int node = keys[i];
          if (node != EMPTY && ids[node] >= 0) {
            totals[ids[node]] += values[i];
          }
        }
      }
      if (domainKey == null) {
        domainKey = key;
        domainTotal = totals;
      } else {
        if (moreDomainTotals == null) {
          moreDomainTotals = new HashMap<>();
        }
        moreDomainTotals.put(key, totals);
      }
    }
    return totals;
  }

  /**
   * Adds {@code sign} × the count of every node holding a matching pod to {@code dense[node]}: with
   * +1 then −1 a caller borrows a zeroed scratch array as a dense view for one pass, touching only
   * the matching nodes.
   */
  public void addTo(int[] out, int sign) {
    if (dense != null) {
      for (int node = 0; node < dense.length; node++) {
        out[node] += sign * dense[node];
      }
      return;
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        out[keys[i]] += sign * values[i];
      }
    }
  }

  /**
   * The per-node counts as a dense array of {@link NodeTable#size()} entries if this selector has
   * switched to the dense form, else {@code null} (use {@link #on(int)} or {@link #addTo(int[],
   * int)}). Live view; do not modify.
   */
  public int[] denseView() {
    if (dense != null && dense.length < table.size()) {
      dense = Arrays.copyOf(dense, table.size());
    }
    return dense;
  }

  /** A dense copy: {@code size} counts, one per node index. */
  public int[] toArray(int size) {
    int[] out = new int[size];
    if (dense != null) {
      System.arraycopy(dense, 0, out, 0, Math.min(size, dense.length));
      return out;
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY && keys[i] < size) {
        out[keys[i]] = values[i];
      }
    }
    return out;
  }

  /**
   * Adds {@code delta} (±1) matching pods on {@code node}; the table calls it on bind and unbind.
   */
  void add(int node, int delta) {
    total += delta;
    if (domainKey != null) {
      if (domainStructure != table.structureVersion()) {
        clearDomainTotals();
      } else {
        addToDomain(domainKey, domainTotal, node, delta);
        if (moreDomainTotals != null) {
          for (Map.Entry<String, int[]> e : moreDomainTotals.entrySet()) {
            addToDomain(e.getKey(), e.getValue(), node, delta);
          }
        }
      }
    }
    if (dense != null) {
      if (node >= dense.length) {
        dense = Arrays.copyOf(dense, Math.max(node + 1, table.size()));
      }
      int before = dense[node];
      if (before + delta < 0) {
        throw new IllegalStateException(
            "pod counts of " + selector + ": node " + node + " would go negative");
      }
      dense[node] = before + delta;
      used += (before == 0 ? 1 : 0) - (dense[node] == 0 ? 1 : 0);
      return;
    }
    int mask = keys.length - 1;
    int i = LinearProbing.mix(node) & mask;
    while (keys[i] != EMPTY && keys[i] != node) {
      i = (i + 1) & mask;
    }
    if (keys[i] == node) {
      values[i] += delta;
      if (values[i] == 0) {
        removeAt(i);
      }
      return;
    }
    if (delta <= 0) {
      throw new IllegalStateException(
          "pod counts of " + selector + ": node " + node + " would go negative");
    }
    keys[i] = node;
    values[i] = delta;
    if (++used * 8 > table.size() && table.size() >= 64) {
      toDense();
    } else if (used * 4 > keys.length * 3) {
      rehash(keys.length * 2);
    }
  }

  private void addToDomain(String key, int[] totals, int node, int delta) {
    int d = table.domainIds(key)[node];
    if (d >= 0) {
      totals[d] += delta;
    }
  }

  private void clearDomainTotals() {
    domainKey = null;
    domainTotal = null;
    moreDomainTotals = null;
  }

  private void toDense() {
    int[] d = new int[table.size()];
    for (int j = 0; j < keys.length; j++) {
      if (keys[j] != EMPTY) {
        d[keys[j]] = values[j];
      }
    }
    dense = d;
    keys = null;
    values = null;
  }

  // Backward-shift deletion keeps probe chains intact without tombstones.
  private void removeAt(int slot) {
    int mask = keys.length - 1;
    int hole = slot;
    int i = slot;
    while (true) {
      i = (i + 1) & mask;
      int k = keys[i];
      if (k == EMPTY) {
        break;
      }
      int home = LinearProbing.mix(k) & mask;
      if (!LinearProbing.staysAfterHole(home, hole, i)) {
        keys[hole] = k;
        values[hole] = values[i];
        hole = i;
      }
    }
    keys[hole] = EMPTY;
    values[hole] = 0;
    used--;
  }

  private void rehash(int capacity) {
    int[] oldKeys = keys;
    int[] oldValues = values;
    keys = filled(capacity);
    values = new int[capacity];
    int mask = capacity - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != EMPTY) {
        int i = LinearProbing.mix(oldKeys[j]) & mask;
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }

  @Override
  public String toString() {
    return "PodCounts[" + selector + ": " + total + " pods on " + used + " nodes]";
  }
}
