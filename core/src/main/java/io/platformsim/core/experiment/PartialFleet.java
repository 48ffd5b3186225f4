package io.platformsim.core.experiment;

import io.platformsim.core.kusp.ClusterAutoscaling;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.kusp.NodePool;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A platform that holds only part of a scenario's fleet, as during a migration: the KuSP cluster
 * sized for the services on it, and the certificate renewals each side's credential holders need.
 * Used by the migration runner, which must not reach into the platforms' configurations itself.
 */
public final class PartialFleet {

  private PartialFleet() {}

  /**
   * {@code scenario} with its KuSP cluster scaled to the services {@code onKusp}: every node pool's
   * initial nodes and cluster-autoscaler floor multiplied by {@code r = nodesFor(part) ÷
   * nodesFor(whole)} (the volume bound of {@link Scenario#nodesFor}) and rounded up, the ceilings
   * kept, so a cluster that holds a tenth of the fleet starts at about a tenth of the nodes (at
   * least one in the default pool) instead of the whole fleet's floor, and keeps the scenario's own
   * over- or under-provisioning ratio. With every service on KuSP it is {@code scenario} unchanged,
   * so the migration's end state is compare's KuSP run.
   *
   * @throws IllegalArgumentException if {@code onKusp} is empty or names an unknown service
   */
  public static Scenario kuspFor(Scenario scenario, Collection<String> onKusp) {
    if (onKusp.isEmpty()) {
      throw new IllegalArgumentException("a KuSP side needs at least one service");
    }
    Workload whole = scenario.workload();
    if (onKusp.size() == whole.services().size()
        && whole.services().stream().allMatch(s -> onKusp.contains(s.name()))) {
      return scenario;
    }
    List<Service> part = new ArrayList<>();
    for (String name : onKusp) {
      part.add(whole.service(name));
    }
    KuspConfig k = scenario.kusp();
    double r = (double) Scenario.nodesFor(Workload.of(part), k) / Scenario.nodesFor(whole, k);
    ClusterAutoscaling ca = k.clusterAutoscaling();
    int initial = Math.max(1, scaled(k.initialNodes(), r));
    if (ca != null) {
      initial = Math.min(initial, ca.maxNodes());
      ca =
          new ClusterAutoscaling(
              Math.min(initial, scaled(ca.minNodes(), r)),
              ca.maxNodes(),
              ca.scanIntervalMillis(),
              ca.unneededMillis(),
              ca.delayAfterAddMillis(),
              ca.utilizationThreshold());
    }
    List<NodePool> pools = new ArrayList<>();
    for (NodePool p : k.nodePools()) {
      int pi = Math.min(p.maxNodes(), scaled(p.initialNodes(), r));
      int pmin = Math.min(pi, scaled(p.minNodes(), r));
      pools.add(
          new NodePool(p.name(), p.nodeType(), p.labels(), p.taints(), pi, pmin, p.maxNodes()));
    }
    KuspConfig sized = k.withInitialNodes(initial).withNodePools(pools);
    if (ca != null) {
      sized = sized.withClusterAutoscaling(ca);
    }
    return scenario.withKusp(sized);
  }

  /** {@code ceil(n × r)}, with a little slack so 10 × 0.3 stays 3. */
  private static int scaled(int n, double r) {
    return (int) Math.ceil(n * r - 1e-9);
  }

  /**
   * Certificates per hour LeSP's {@code holders} machines need to stay valid: each renews at its
   * rotation policy's point of the lifetime ({@code lesp.identity.certificates}).
   */
  public static double lespRenewalsPerHour(Scenario scenario, long holders) {
    return scenario.lesp().identity().certificates().issuancePerHour(holders);
  }

  /** The same for KuSP's {@code holders} pods ({@code kusp.identity.certificates}). */
  public static double kuspRenewalsPerHour(Scenario scenario, long holders) {
    return scenario.kusp().identity().certificates().issuancePerHour(holders);
  }

  /**
   * Why {@code scenario}'s KuSP pod addresses cannot coexist with LeSP's network ({@link
   * MigrationAddressing#check}: an overlay range overlapping the legacy network, one line naming
   * both CIDRs), or empty if they can. A migration reports it rather than refusing to run, so the
   * built-in scenario (overlay 10.0.0.0/16 inside LeSP's 10.0.0.0/8) still runs.
   */
  public static Optional<String> addressConflict(Scenario scenario) {
    try {
      MigrationAddressing.check(scenario.lesp(), scenario.kusp());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The addresses {@code lesp} and {@code kusp} (the standard platforms, on one simulation) hold
   * now in the range they share ({@link MigrationAddressing#overlap}); {@link AddressOverlap#NONE}
   * when either is null or not a standard platform, or their ranges conflict (reported by {@link
   * #addressConflict} instead).
   */
  public static AddressOverlap addressOverlap(Platform lesp, Platform kusp) {
    if (lesp instanceof LespPlatform l && kusp instanceof KuspPlatform k) {
      try {
        return MigrationAddressing.overlap(l, k);
      } catch (IllegalArgumentException conflict) {
        return AddressOverlap.NONE;
      }
    }
    return AddressOverlap.NONE;
  }
}
