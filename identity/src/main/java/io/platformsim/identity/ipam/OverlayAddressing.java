package io.platformsim.identity.ipam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Overlay pod addressing: each node gets a pod range of {@code /nodePrefix} carved from the cluster
 * CIDR (lowest free range first, reused after a node leaves), and its pods get addresses from that
 * range. The number of nodes is therefore capped at 2<sup>nodePrefix − clusterPrefix</sup>
 * (10.0.0.0/16 with /24 per node: 256), and pods per node at the range's usable size (network and
 * broadcast reserved: 254 for a /24). Default per-node prefix /24 as kube-controller-manager's
 * {@code defaultNodeMaskCIDRIPv4 = 24} (k/k cmd/kube-controller-manager/app/core.go).
 *
 * <pre>{@code
 * var overlay = OverlayAddressing.of("10.0.0.0/16");   // /24 per node
 * overlay.maxNodes();                                    // 256
 * overlay.addNode("node-1", null, null, 0);              // 10.0.0.0/24
 * overlay.allocatePod("node-1", "web-1", 0);             // 10.0.0.1
 * }</pre>
 */
public final class OverlayAddressing implements PodAddressing {
  /** kube-controller-manager's default IPv4 node mask. */
  public static final int DEFAULT_NODE_PREFIX = 24;

  private final Cidr cluster;
  private final int nodePrefix;
  private final AddressPool ranges;
  private final Map<String, NodeRange> nodes = new LinkedHashMap<>();
  private final int[] byReason = new int[ExhaustionReason.values().length];
  private final List<Exhaustion> exhaustions = new ArrayList<>();

  private static final class NodeRange {
    final Cidr cidr;
    final long index;
    final AddressPool pods;

    NodeRange(Cidr cidr, long index) {
      this.cidr = cidr;
      this.index = index;
      this.pods = new AddressPool(cidr, 1, 1);
    }
  }

  /**
   * An overlay over {@code cluster} with {@code /nodePrefix} per node.
   *
   * @throws IllegalArgumentException if the per-node range is larger than the cluster range, or so
   *     small that it holds no pod address (/31, /32), or splits the cluster into more than
   *     2<sup>30</sup> ranges
   */
  public OverlayAddressing(Cidr cluster, int nodePrefix) {
    if (cluster == null) {
      throw new IllegalArgumentException("cluster CIDR must not be null");
    }
    if (nodePrefix < cluster.prefixLength()) {
      throw new IllegalArgumentException(
          "per-node range /" + nodePrefix + " is larger than the cluster range " + cluster);
    }
    if (nodePrefix > 30) {
      throw new IllegalArgumentException(
          "per-node range /"
              + nodePrefix
              + " holds no pod address after network and broadcast; use at most /30");
    }
    int bits = nodePrefix - cluster.prefixLength();
    if (bits > 30) {
      throw new IllegalArgumentException(
          "cluster "
              + cluster
              + " with /"
              + nodePrefix
              + " per node has more than 2^30 node ranges");
    }
    this.cluster = cluster;
    this.nodePrefix = nodePrefix;
    // Range indices reuse the address pool: index i is "address" i of a block of 2^bits.
    this.ranges = new AddressPool(new Cidr(0, 32 - bits), 0, 0);
  }

  /** An overlay over {@code clusterCidr} with the default /24 per node. */
  public static OverlayAddressing of(String clusterCidr) {
    return new OverlayAddressing(Cidr.parse(clusterCidr), DEFAULT_NODE_PREFIX);
  }

  /** An overlay over {@code clusterCidr} with {@code /nodePrefix} per node. */
  public static OverlayAddressing of(String clusterCidr, int nodePrefix) {
    return new OverlayAddressing(Cidr.parse(clusterCidr), nodePrefix);
  }

  /** The cluster CIDR. */
  public Cidr cluster() {
    return cluster;
  }

  /** The per-node prefix length. */
  public int nodePrefix() {
    return nodePrefix;
  }

  /** Most nodes the cluster CIDR can give a range to: 2<sup>nodePrefix − clusterPrefix</sup>. */
  public long maxNodes() {
    return cluster.subnetCount(nodePrefix);
  }

  /** Pod addresses in one node range (network and broadcast reserved). */
  public int podsPerNode() {
    return (int) ((1L << (32 - nodePrefix)) - 2);
  }

  /** Nodes holding a range now. */
  public int nodes() {
    return nodes.size();
  }

  /** The pod range of {@code node}. */
  public Cidr nodeRange(String node) {
    return node(node).cidr;
  }

  @Override
  public Allocation addNode(String node, String instanceType, String zone, long atMillis) {
    if (node == null || nodes.containsKey(node)) {
      throw new IllegalArgumentException("node '" + node + "' is null or already has a pod range");
    }
    long index = ranges.allocate();
    if (index == AddressPool.NONE) {
      return refuse(atMillis, node, ExhaustionReason.CLUSTER_CIDR_FULL, cluster.toString());
    }
    NodeRange r = new NodeRange(cluster.subnet(nodePrefix, index), index);
    nodes.put(node, r);
    return Allocation.granted(r.cidr.first(), r.cidr.toString());
  }

  @Override
  public Allocation allocatePod(String node, String pod, long atMillis) {
    NodeRange r = node(node);
    long address = r.pods.allocate();
    if (address == AddressPool.NONE) {
      return refuse(atMillis, pod, ExhaustionReason.NODE_RANGE_FULL, node + " " + r.cidr);
    }
    return Allocation.granted(address, r.cidr.toString());
  }

  @Override
  public void releasePod(String node, long address) {
    node(node).pods.release(address);
  }

  @Override
  public void removeNode(String node) {
    NodeRange r = nodes.remove(node);
    if (r == null) {
      throw new IllegalArgumentException("unknown node '" + node + "'");
    }
    ranges.release(r.index);
  }

  @Override
  public int podAddressLimit(String node) {
    return node(node).pods.capacity();
  }

  /**
   * Used = pod addresses; reserved = the rest of the assigned node ranges (idle pod addresses plus
   * each range's network and broadcast); free = unassigned ranges. Sums to the cluster size.
   */
  @Override
  public AddressCounts counts() {
    long used = 0;
    for (NodeRange r : nodes.values()) {
      used += r.pods.used();
    }
    long rangeSize = 1L << (32 - nodePrefix);
    long assigned = nodes.size() * rangeSize;
    return AddressCounts.of(used, assigned - used, cluster.size() - assigned, byReason);
  }

  @Override
  public List<Exhaustion> exhaustions() {
    return Collections.unmodifiableList(exhaustions);
  }

  private NodeRange node(String node) {
    NodeRange r = nodes.get(node);
    if (r == null) {
      throw new IllegalArgumentException("unknown node '" + node + "'; add it first");
    }
    return r;
  }

  private Allocation refuse(
      long atMillis, String requester, ExhaustionReason reason, String where) {
    byReason[reason.ordinal()]++;
    exhaustions.add(new Exhaustion(atMillis, requester, reason, where));
    return Allocation.exhausted(reason, where);
  }

  @Override
  public String toString() {
    return "OverlayAddressing["
        + cluster
        + " /"
        + nodePrefix
        + " per node, nodes "
        + nodes.size()
        + " of "
        + maxNodes()
        + ", "
        + counts()
        + "]";
  }
}
