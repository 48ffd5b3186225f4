package io.platformsim.core.kusp;

import io.platformsim.identity.ClusterIdentity;
import io.platformsim.identity.access.IdentityMode;
import io.platformsim.identity.cert.RotationPolicy;
import io.platformsim.identity.ipam.EniLimits;
import io.platformsim.identity.ipam.Network;
import io.platformsim.identity.ipam.OverlayAddressing;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How KuSP pods get their identity, immutable: pod addressing (an overlay with a range per node, or
 * VPC-native addresses with the instance's ENI limit), the certificate authority's and token
 * issuer's capacities, certificate lifetime, the identity mode and the resources each service's
 * role needs (for blast radius). {@link KuspPlatform} builds one fresh, mutable {@link
 * ClusterIdentity} from it per run ({@link #newClusterIdentity()}), so one configuration serves
 * parallel replications.
 *
 * <p>Defaults ({@link #DEFAULT}): overlay 10.0.0.0/16 with a /24 per node (kube-controller-manager
 * {@code --node-cidr-mask-size} 24 for IPv4, k/k {@code
 * cmd/kube-controller-manager/app/options/nodeipamcontroller.go}), workload identity, a certificate
 * authority issuing at most {@value #MANAGED_AUTHORITY_CAPACITY} certificates per second (the
 * per-CA CreateCertificate quota of Google Certificate Authority Service's DevOps tier,
 * cloud.google.com {@code certificate-authority-service/quotas}), an unlimited token issuer (the
 * kube-apiserver's TokenRequest has no documented rate), pod certificates of 24 h renewed at 50%
 * (Istio) and each service needing {@code <service>-data}.
 *
 * <p>{@link #INSTANT} is the same with an unlimited authority: credentials never delay a pod, for
 * models and notebooks about the controllers' own arithmetic (like {@code LespIdentity.DEFAULT},
 * which also issues at once).
 *
 * <pre>{@code
 * KuspIdentity id = KuspIdentity.DEFAULT
 *     .vpcNative(Network.perZone("10.0.0.0/16", 20, "zone-a", "zone-b", "zone-c"))
 *     .withAuthorityCapacity(5)
 *     .withMode(IdentityMode.NODE_ROLE);
 * }</pre>
 *
 * @param clusterCidr overlay cluster CIDR (used when {@code vpcNetwork} is null)
 * @param nodePrefix overlay prefix length of each node's pod range
 * @param vpcNetwork VPC subnets for VPC-native pod addresses, or null for the overlay
 * @param authorityCapacityPerSecond certificates per second at most, 0 for unlimited
 * @param tokenCapacityPerSecond service-account tokens per second at most, 0 for unlimited
 * @param certificates pod certificate lifetime and renewal
 * @param mode who holds which role
 * @param resources service → resources its role needs; others need {@code <service>-data}
 * @param renewCredentials whether live pods renew their certificate and token at the policy's
 *     fraction of the lifetime (events recur while the pod lives, so a run with it needs {@code
 *     runUntil}); off by default, like LeSP's renewals
 */
public record KuspIdentity(
    String clusterCidr,
    int nodePrefix,
    Network vpcNetwork,
    int authorityCapacityPerSecond,
    int tokenCapacityPerSecond,
    RotationPolicy certificates,
    IdentityMode mode,
    Map<String, Set<String>> resources,
    boolean renewCredentials) {

  /** Google CAS DevOps tier: 25 CreateCertificate per second per CA (see the class comment). */
  public static final int MANAGED_AUTHORITY_CAPACITY = 25;

  /** The defaults described above: overlay, workload identity, a 25/s authority. */
  public static final KuspIdentity DEFAULT =
      new KuspIdentity(
          "10.0.0.0/16",
          OverlayAddressing.DEFAULT_NODE_PREFIX,
          null,
          MANAGED_AUTHORITY_CAPACITY,
          0,
          RotationPolicy.of(java.time.Duration.ofHours(24), 0.5),
          IdentityMode.WORKLOAD_IDENTITY,
          Map.of(),
          false);

  /**
   * {@link #DEFAULT} with an unlimited authority: credentials are issued the instant they are asked
   * for.
   */
  public static final KuspIdentity INSTANT = DEFAULT.withAuthorityCapacity(0);

  /**
   * Validates (the overlay CIDR and prefix through the identity module); messages name the field.
   */
  public KuspIdentity {
    if (vpcNetwork == null) {
      // Throws IllegalArgumentException naming a malformed CIDR or a range larger than the
      // cluster's.
      OverlayAddressing.of(clusterCidr, nodePrefix);
    }
    if (authorityCapacityPerSecond < 0 || authorityCapacityPerSecond > 1_000_000) {
      throw new IllegalArgumentException(
          "authorityCapacityPerSecond must be in 0-1000000 (0 = unlimited), was "
              + authorityCapacityPerSecond);
    }
    if (tokenCapacityPerSecond < 0 || tokenCapacityPerSecond > 1_000_000) {
      throw new IllegalArgumentException(
          "tokenCapacityPerSecond must be in 0-1000000 (0 = unlimited), was "
              + tokenCapacityPerSecond);
    }
    if (certificates == null || mode == null || resources == null) {
      throw new IllegalArgumentException(
          "KuSP identity certificates, mode and resources must not be null");
    }
    if (mode == IdentityMode.MACHINE_ROLE) {
      throw new IllegalArgumentException(
          "KuSP identity mode must be a Kubernetes mode (WORKLOAD_IDENTITY, NODE_ROLE,"
              + " CREDENTIAL_PROXY), was "
              + mode);
    }
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    resources.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
    resources = Collections.unmodifiableMap(copy);
  }

  /**
   * With overlay addressing: {@code clusterCidr} carved into {@code /nodePrefix} ranges, one per
   * node.
   */
  public KuspIdentity overlay(String cidr, int prefix) {
    return new KuspIdentity(
        cidr,
        prefix,
        null,
        authorityCapacityPerSecond,
        tokenCapacityPerSecond,
        certificates,
        mode,
        resources,
        renewCredentials);
  }

  /**
   * With VPC-native addressing from {@code network}'s subnets (AWS ENI limits, default warm pools).
   */
  public KuspIdentity vpcNative(Network network) {
    if (network == null) {
      throw new IllegalArgumentException("vpcNative network must not be null");
    }
    return new KuspIdentity(
        clusterCidr,
        nodePrefix,
        network,
        authorityCapacityPerSecond,
        tokenCapacityPerSecond,
        certificates,
        mode,
        resources,
        renewCredentials);
  }

  /** With a certificate authority issuing at most {@code perSecond} (0: unlimited). */
  public KuspIdentity withAuthorityCapacity(int perSecond) {
    return new KuspIdentity(
        clusterCidr,
        nodePrefix,
        vpcNetwork,
        perSecond,
        tokenCapacityPerSecond,
        certificates,
        mode,
        resources,
        renewCredentials);
  }

  /** With a token issuer issuing at most {@code perSecond} (0: unlimited). */
  public KuspIdentity withTokenCapacity(int perSecond) {
    return new KuspIdentity(
        clusterCidr,
        nodePrefix,
        vpcNetwork,
        authorityCapacityPerSecond,
        perSecond,
        certificates,
        mode,
        resources,
        renewCredentials);
  }

  /** With pod certificates under {@code policy}. */
  public KuspIdentity withCertificates(RotationPolicy policy) {
    return new KuspIdentity(
        clusterCidr,
        nodePrefix,
        vpcNetwork,
        authorityCapacityPerSecond,
        tokenCapacityPerSecond,
        policy,
        mode,
        resources,
        renewCredentials);
  }

  /** With identity mode {@code m}. */
  public KuspIdentity withMode(IdentityMode m) {
    return new KuspIdentity(
        clusterCidr,
        nodePrefix,
        vpcNetwork,
        authorityCapacityPerSecond,
        tokenCapacityPerSecond,
        certificates,
        m,
        resources,
        renewCredentials);
  }

  /** With {@code service}'s role granted exactly {@code names}. */
  public KuspIdentity withResources(String service, String... names) {
    Map<String, Set<String>> m = new LinkedHashMap<>(resources);
    m.put(service, new LinkedHashSet<>(List.of(names)));
    return withResources(m);
  }

  /** With every service's resources from {@code byService}, replacing those set before. */
  public KuspIdentity withResources(Map<String, Set<String>> byService) {
    return new KuspIdentity(
        clusterCidr,
        nodePrefix,
        vpcNetwork,
        authorityCapacityPerSecond,
        tokenCapacityPerSecond,
        certificates,
        mode,
        byService,
        renewCredentials);
  }

  /** With renewal events for live pods' certificates and tokens on or off. */
  public KuspIdentity withRenewals(boolean renew) {
    return new KuspIdentity(
        clusterCidr,
        nodePrefix,
        vpcNetwork,
        authorityCapacityPerSecond,
        tokenCapacityPerSecond,
        certificates,
        mode,
        resources,
        renew);
  }

  /** Whether pods take VPC addresses (and nodes are capped at their ENI limit). */
  public boolean isVpcNative() {
    return vpcNetwork != null;
  }

  /**
   * The kubelet's pod limit for {@code instanceType} under this addressing: the ENI limit ({@link
   * EniLimits#AWS}, ENIs × (addresses per ENI − 1) + 2) when VPC-native, else {@code configured}.
   *
   * @throws IllegalArgumentException naming the type if VPC-native and the type is not in the table
   */
  public int maxPods(String instanceType, int configured) {
    return isVpcNative() ? Math.min(configured, EniLimits.AWS.maxPods(instanceType)) : configured;
  }

  /** A fresh identity layer for one run, nothing allocated. */
  public ClusterIdentity newClusterIdentity() {
    ClusterIdentity.Builder b = ClusterIdentity.builder();
    if (isVpcNative()) {
      b.vpcNative(vpcNetwork);
    } else {
      b.overlay(clusterCidr, nodePrefix);
    }
    b.certificateAuthority(authorityCapacityPerSecond)
        .tokenIssuer(tokenCapacityPerSecond)
        .certificates(certificates)
        .mode(mode);
    resources.forEach((s, r) -> b.resources(s, r.toArray(new String[0])));
    return b.build();
  }

  @Override
  public String toString() {
    return "KuspIdentity["
        + (isVpcNative()
            ? "VPC-native " + vpcNetwork.cidr()
            : "overlay " + clusterCidr + " /" + nodePrefix + " per node")
        + ", "
        + mode
        + ", authority "
        + (authorityCapacityPerSecond == 0 ? "unlimited" : authorityCapacityPerSecond + "/s")
        + ", tokens "
        + (tokenCapacityPerSecond == 0 ? "unlimited" : tokenCapacityPerSecond + "/s")
        + ", certificates "
        + certificates
        + (renewCredentials ? ", renewed" : "")
        + "]";
  }
}
