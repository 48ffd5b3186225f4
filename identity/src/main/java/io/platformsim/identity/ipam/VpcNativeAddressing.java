package io.platformsim.identity.ipam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * VPC-native pod addressing (the AWS VPC CNI model): a node takes a primary address from a subnet
 * in its zone, and each of its pods a VPC address from the same subnet, at most {@code enis ×
 * (ipv4PerEni − 1)} at once ({@link EniLimit#podAddresses()}). Each node keeps a <em>warm pool</em>
 * of addresses reserved from the subnet but not yet used, refilled after every pod start to {@code
 * min(warmTarget, limit − pods)} and trimmed back to that on pod exit, so pod starts rarely wait on
 * the subnet but idle addresses are withheld from everyone else.
 *
 * <p>Simplifications, stated because they change numbers: the warm target is counted in addresses
 * (like {@code WARM_IP_TARGET}); its default, one ENI's secondary addresses ({@code ipv4PerEni −
 * 1}), approximates the CNI's default {@code WARM_ENI_TARGET=1}; the primary addresses of secondary
 * ENIs and the release cool-down are not modelled.
 *
 * <pre>{@code
 * var vpc = VpcNativeAddressing.builder(Network.perZone("10.0.0.0/16", 20, "a", "b")).build();
 * vpc.addNode("n1", "m5.large", "a", 0);       // primary + 9 warm addresses from subnet a
 * vpc.podAddressLimit("n1");                   // 27 (maxPods 29 minus 2 host-network pods)
 * vpc.allocatePod("n1", "web-1", 0);
 * }</pre>
 */
public final class VpcNativeAddressing implements PodAddressing {
  private final MachineAddressing subnets;
  private final EniLimits limits;
  private final int warmTarget;
  private final Map<String, NodeState> nodes = new LinkedHashMap<>();
  private final int[] byReason = new int[ExhaustionReason.values().length];
  private final List<Exhaustion> exhaustions = new ArrayList<>();
  private long warmTotal;
  private long podTotal;

  private static final class NodeState {
    final EniLimit limit;
    final int subnet;
    final long primary;
    final int warmTarget;
    long[] warm = new long[8];
    int warmCount;
    // Pod addresses of this node, to reject a release of someone else's address.
    final Set<Long> pods = new HashSet<>();

    NodeState(EniLimit limit, int subnet, long primary, int warmTarget) {
      this.limit = limit;
      this.subnet = subnet;
      this.primary = primary;
      this.warmTarget = warmTarget;
    }

    int wantedWarm() {
      return Math.min(warmTarget, limit.podAddresses() - pods.size());
    }
  }

  private VpcNativeAddressing(Builder b) {
    this.subnets = new MachineAddressing(b.network);
    this.limits = b.limits;
    this.warmTarget = b.warmTarget;
  }

  /** A builder over {@code network}: {@link EniLimits#AWS}, warm target one ENI. */
  public static Builder builder(Network network) {
    return new Builder(network);
  }

  @Override
  public Allocation addNode(String node, String instanceType, String zone, long atMillis) {
    if (node == null || nodes.containsKey(node)) {
      throw new IllegalArgumentException("node '" + node + "' is null or already registered");
    }
    EniLimit limit = limits.of(instanceType);
    int subnet = subnets.bestSubnet(zone);
    AddressPool pool = subnets.pool(subnet);
    long primary = pool.allocate();
    String subnetName = subnets.network().subnets().get(subnet).name();
    if (primary == AddressPool.NONE) {
      return refuse(atMillis, node, ExhaustionReason.SUBNET_FULL, subnetName);
    }
    int target = warmTarget >= 0 ? warmTarget : limit.ipv4PerEni() - 1;
    NodeState n = new NodeState(limit, subnet, primary, target);
    nodes.put(node, n);
    refill(n);
    return Allocation.granted(primary, subnetName);
  }

  @Override
  public Allocation allocatePod(String node, String pod, long atMillis) {
    NodeState n = node(node);
    if (n.pods.size() >= n.limit.podAddresses()) {
      return refuse(atMillis, pod, ExhaustionReason.INSTANCE_ADDRESS_LIMIT, node + " " + n.limit);
    }
    long address;
    if (n.warmCount > 0) {
      address = n.warm[--n.warmCount];
      warmTotal--;
    } else {
      address = subnets.pool(n.subnet).allocate();
      if (address == AddressPool.NONE) {
        return refuse(atMillis, pod, ExhaustionReason.SUBNET_FULL, subnetName(n));
      }
    }
    n.pods.add(address);
    podTotal++;
    refill(n);
    return Allocation.granted(address, subnetName(n));
  }

  @Override
  public void releasePod(String node, long address) {
    NodeState n = node(node);
    if (!n.pods.remove(address)) {
      throw new IllegalArgumentException(
          "address " + Ipv4.format(address) + " is not a pod address of node " + node);
    }
    podTotal--;
    pushWarm(n, address);
    warmTotal++;
    // Trim the warm pool back to its target: surplus goes back to the subnet for others.
    AddressPool pool = subnets.pool(n.subnet);
    while (n.warmCount > n.wantedWarm()) {
      pool.release(n.warm[--n.warmCount]);
      warmTotal--;
    }
  }

  @Override
  public void removeNode(String node) {
    NodeState n = nodes.remove(node);
    if (n == null) {
      throw new IllegalArgumentException("unknown node '" + node + "'");
    }
    AddressPool pool = subnets.pool(n.subnet);
    pool.release(n.primary);
    for (int i = 0; i < n.warmCount; i++) {
      pool.release(n.warm[i]);
    }
    warmTotal -= n.warmCount;
    for (long a : n.pods) {
      pool.release(a);
    }
    podTotal -= n.pods.size();
  }

  @Override
  public int podAddressLimit(String node) {
    return node(node).limit.podAddresses();
  }

  /** The kubelet max-pods of the node's instance type ({@link EniLimit#maxPods()}). */
  public int maxPods(String node) {
    return node(node).limit.maxPods();
  }

  /** Addresses in the node's warm pool now. */
  public int warm(String node) {
    return node(node).warmCount;
  }

  /**
   * Used = node primaries and pod addresses; reserved = warm pools; free = the rest of the subnets.
   */
  @Override
  public AddressCounts counts() {
    return AddressCounts.of(nodes.size() + podTotal, warmTotal, subnets.free(), byReason);
  }

  @Override
  public List<Exhaustion> exhaustions() {
    return Collections.unmodifiableList(exhaustions);
  }

  private void refill(NodeState n) {
    AddressPool pool = subnets.pool(n.subnet);
    while (n.warmCount < n.wantedWarm()) {
      long a = pool.allocate();
      if (a == AddressPool.NONE) {
        return; // a partial warm pool; the next pod start draws from the subnet or is refused
      }
      pushWarm(n, a);
      warmTotal++;
    }
  }

  private static void pushWarm(NodeState n, long address) {
    if (n.warmCount == n.warm.length) {
      n.warm = Arrays.copyOf(n.warm, n.warm.length * 2);
    }
    n.warm[n.warmCount++] = address;
  }

  private String subnetName(NodeState n) {
    return subnets.network().subnets().get(n.subnet).name();
  }

  private NodeState node(String node) {
    NodeState n = nodes.get(node);
    if (n == null) {
      throw new IllegalArgumentException("unknown node '" + node + "'; add it first");
    }
    return n;
  }

  private Allocation refuse(
      long atMillis, String requester, ExhaustionReason reason, String where) {
    byReason[reason.ordinal()]++;
    exhaustions.add(new Exhaustion(atMillis, requester, reason, where));
    return Allocation.exhausted(reason, where);
  }

  @Override
  public String toString() {
    return "VpcNativeAddressing["
        + subnets.network().cidr()
        + ", nodes "
        + nodes.size()
        + ", "
        + counts()
        + "]";
  }

  /** Configuration of a {@link VpcNativeAddressing}. */
  public static final class Builder {
    private final Network network;
    private EniLimits limits = EniLimits.AWS;
    private int warmTarget = -1;

    private Builder(Network network) {
      if (network == null) {
        throw new IllegalArgumentException("network must not be null");
      }
      this.network = network;
    }

    /** The instance-type table; default {@link EniLimits#AWS}. */
    public Builder limits(EniLimits l) {
      if (l == null) {
        throw new IllegalArgumentException("limits must not be null");
      }
      limits = l;
      return this;
    }

    /**
     * Warm addresses each node keeps, &gt;= 0 (like {@code WARM_IP_TARGET}); default one ENI's
     * secondary addresses, approximating {@code WARM_ENI_TARGET=1}.
     */
    public Builder warmTarget(int addresses) {
      if (addresses < 0) {
        throw new IllegalArgumentException("warmTarget must be >= 0, was " + addresses);
      }
      warmTarget = addresses;
      return this;
    }

    /** The allocator, every address free. */
    public VpcNativeAddressing build() {
      return new VpcNativeAddressing(this);
    }
  }
}
