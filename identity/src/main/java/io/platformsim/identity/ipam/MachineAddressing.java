package io.platformsim.identity.ipam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One address per machine (or per node) from a network's subnets: the LeSP model, where the
 * machine's address is the identity every process on it shares; also the node addresses of a
 * Kubernetes cluster. Within the requested zone (or any zone) the subnet with the most free
 * addresses is used, ties going to the subnet listed first, and inside it the lowest free address.
 * Mutable, not thread-safe; deterministic.
 *
 * <pre>{@code
 * var ipam = new MachineAddressing(Network.perZone("10.0.0.0/16", 18, "a", "b", "c"));
 * Allocation a = ipam.allocate("zebra-1", "a", 0);   // 10.0.0.4 from subnet a
 * ipam.release(a.address());
 * }</pre>
 */
public final class MachineAddressing {
  private final Network network;
  private final AddressPool[] pools;
  private final int[] byReason = new int[ExhaustionReason.values().length];
  private final List<Exhaustion> exhaustions = new ArrayList<>();

  /**
   * An allocator over {@code network}, every address free.
   *
   * @throws IllegalArgumentException if {@code network} is null
   */
  public MachineAddressing(Network network) {
    if (network == null) {
      throw new IllegalArgumentException("network must not be null");
    }
    this.network = network;
    this.pools = new AddressPool[network.subnets().size()];
    for (int i = 0; i < pools.length; i++) {
      Subnet s = network.subnets().get(i);
      pools[i] = new AddressPool(s.cidr(), s.reservedLow(), s.reservedHigh());
    }
  }

  /** The network. */
  public Network network() {
    return network;
  }

  /**
   * An address in any zone for {@code holder} at {@code atMillis}; see {@link #allocate(String,
   * String, long)}.
   */
  public Allocation allocate(String holder, long atMillis) {
    return allocate(holder, null, atMillis);
  }

  /**
   * An address for {@code holder} from a subnet in {@code zone} (null: any zone). If every eligible
   * subnet is full the request is refused with {@link ExhaustionReason#SUBNET_FULL}, recorded and
   * counted.
   *
   * @throws IllegalArgumentException if {@code zone} names no subnet's zone
   */
  public Allocation allocate(String holder, String zone, long atMillis) {
    int best = bestSubnet(zone);
    if (best < 0 || pools[best].free() == 0) {
      String where = zone == null ? "all subnets" : "subnets in " + zone;
      exhausted(atMillis, holder, where);
      return Allocation.exhausted(ExhaustionReason.SUBNET_FULL, where);
    }
    long address = pools[best].allocate();
    return Allocation.granted(address, network.subnets().get(best).name());
  }

  /** Index of the eligible subnet with the most free addresses, or -1 if none is eligible. */
  int bestSubnet(String zone) {
    int best = -1;
    boolean zoneSeen = false;
    for (int i = 0; i < pools.length; i++) {
      if (zone != null && !zone.equals(network.subnets().get(i).zone())) {
        continue;
      }
      zoneSeen = true;
      if (best < 0 || pools[i].free() > pools[best].free()) {
        best = i;
      }
    }
    if (!zoneSeen) {
      throw new IllegalArgumentException("zone '" + zone + "' has no subnet in " + network.cidr());
    }
    return best;
  }

  AddressPool pool(int i) {
    return pools[i];
  }

  void exhausted(long atMillis, String holder, String where) {
    byReason[ExhaustionReason.SUBNET_FULL.ordinal()]++;
    exhaustions.add(new Exhaustion(atMillis, holder, ExhaustionReason.SUBNET_FULL, where));
  }

  /**
   * Returns {@code address} to its subnet.
   *
   * @throws IllegalArgumentException if no subnet holds it or it is not allocated
   */
  public void release(long address) {
    for (AddressPool p : pools) {
      if (p.holds(address)) {
        p.release(address);
        return;
      }
    }
    throw new IllegalArgumentException(
        "address " + Ipv4.format(address) + " is in no subnet of " + network.cidr());
  }

  /** Addresses handed out now. */
  public long used() {
    long n = 0;
    for (AddressPool p : pools) {
      n += p.used();
    }
    return n;
  }

  /** Addresses still free over all subnets. */
  public long free() {
    long n = 0;
    for (AddressPool p : pools) {
      n += p.free();
    }
    return n;
  }

  /** Used, free (nothing is reserved here) and refusals. */
  public AddressCounts counts() {
    return AddressCounts.of(used(), 0, free(), byReason);
  }

  /** Every refused request, oldest first. */
  public List<Exhaustion> exhaustions() {
    return Collections.unmodifiableList(exhaustions);
  }

  @Override
  public String toString() {
    return "MachineAddressing["
        + network.cidr()
        + ", used "
        + used()
        + ", free "
        + free()
        + ", exhaustions "
        + exhaustions.size()
        + "]";
  }
}
