package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Each group of {@code identity} fields moves the figure it should, on scenarios small enough to
 * derive the expected value by hand: addressing (free addresses, exhaustion, pods per node), the
 * authority's capacity (queueing delay), certificates (issued count) and the identity mode
 * (principals and blast radius).
 */
class IdentitySectionEffectTest {

  /**
   * {@code instances} instances of web, 1 core / 1 GiB each. LeSP: one machine per instance, no
   * pending time, a fixed 30 s boot, no boot failures, so every machine asks for its certificate at
   * 30 s. KuSP: a fixed number of nodes, no autoscaler.
   */
  private static String scenario(int instances, int nodes) {
    return """
        name: identity-effect
        replications: 1
        horizon: 2h
        services:
          - name: web
            instances: %d
            request: {cpu: 1, memory: 1Gi}
            usage: {cpu: 250m, memory: 512Mi}
        lesp: {pending: 0s, boot: 30s, bootFailure: 0}
        kusp: {initialNodes: %d, autoscaler: false}
        """
        .formatted(instances, nodes);
  }

  private static ComparisonResult run(String yaml) {
    return Comparison.run(ScenarioFile.parse(yaml, "effect.yaml"));
  }

  private static double lesp(ComparisonResult r, Figure f) {
    return r.lesp().mean(f);
  }

  private static double kusp(ComparisonResult r, Figure f) {
    return r.kusp().mean(f);
  }

  @Test
  void aSmallerLespNetworkRunsOutOfAddresses() {
    // A plain /30 has 4 - 2 (network, broadcast) = 2 usable addresses: of 4 machines, 2 get one
    // and 2 are refused (each refusal an exhaustion event), and none is left free.
    ComparisonResult small =
        run(scenario(4, 3) + "identity: {lesp: {network: {cidr: 10.0.0.0/30}}}\n");
    assertEquals(2, lesp(small, Figure.ADDRESSES_USED), 0);
    assertEquals(2, lesp(small, Figure.ADDRESS_EXHAUSTIONS), 0);
    assertEquals(0, lesp(small, Figure.ADDRESSES_FREE), 0);
    // The default plain 10.0.0.0/8: 2^24 - 2 usable, 4 used.
    ComparisonResult large = run(scenario(4, 3));
    assertEquals(0, lesp(large, Figure.ADDRESS_EXHAUSTIONS), 0);
    assertEquals((1 << 24) - 2 - 4, lesp(large, Figure.ADDRESSES_FREE), 0);
  }

  @Test
  void aSmallerPodCidrLeavesFewerFreeAddressesAndRefusesNodes() {
    // Overlay, /24 per node: free = cluster size - 256 per node holding a range (OverlayAddressing
    // counts). /16 with 3 nodes: 65536 - 768; /20: 4096 - 768.
    ComparisonResult wide = run(scenario(4, 3) + "identity: {kusp: {podCidr: 10.0.0.0/16}}\n");
    ComparisonResult narrow = run(scenario(4, 3) + "identity: {kusp: {podCidr: 10.0.0.0/20}}\n");
    assertEquals(65_536 - 768, kusp(wide, Figure.ADDRESSES_FREE), 0);
    assertEquals(4_096 - 768, kusp(narrow, Figure.ADDRESSES_FREE), 0);
    // /23 holds two /24 ranges: the third node is refused one (one exhaustion event), and no
    // address is left free.
    ComparisonResult two = run(scenario(4, 3) + "identity: {kusp: {podCidr: 10.0.0.0/23}}\n");
    assertEquals(0, kusp(wide, Figure.ADDRESS_EXHAUSTIONS), 0);
    assertEquals(1, kusp(two, Figure.ADDRESS_EXHAUSTIONS), 0);
    assertEquals(0, kusp(two, Figure.ADDRESSES_FREE), 0);
    // A /26 per node instead of a /24: 64 addresses per node range, 65536 - 3 x 64 free.
    ComparisonResult small =
        run(scenario(4, 3) + "identity: {kusp: {podCidr: 10.0.0.0/16, nodePrefix: 26}}\n");
    assertEquals(65_536 - 192, kusp(small, Figure.ADDRESSES_FREE), 0);
  }

  @Test
  void aLowerAuthorityCapacityLengthensTheQueueingDelay() {
    // LeSP: the 4 machines boot together and ask at 30 s at once. The authority issues one every
    // 1000/k ms, first come first served (CertificateAuthority), so the i-th (0-based) waits
    // i x 1000/k: mean (0 + 1 + 2 + 3) / 4 x 1000/k = 1500/k ms.
    String yaml = scenario(4, 2) + "identity: {authorityCapacity: %d}\n";
    ComparisonResult one = run(yaml.formatted(1));
    ComparisonResult two = run(yaml.formatted(2));
    ComparisonResult unlimited = run(yaml.formatted(0));
    assertEquals(1500, lesp(one, Figure.AUTHORITY_DELAY), 1e-9);
    assertEquals(750, lesp(two, Figure.AUTHORITY_DELAY), 1e-9);
    assertEquals(0, lesp(unlimited, Figure.AUTHORITY_DELAY), 0);
    // KuSP: the 4 pods are admitted on the initial nodes together at the start and ask for their
    // certificates at once (PodIdentity.admit), the same burst: 1500/k ms.
    assertEquals(1500, kusp(one, Figure.AUTHORITY_DELAY), 1e-9);
    assertEquals(750, kusp(two, Figure.AUTHORITY_DELAY), 1e-9);
    assertEquals(0, kusp(unlimited, Figure.AUTHORITY_DELAY), 0);
  }

  @Test
  void renewalsIssueOneCertificatePerRenewalInterval() {
    // Each holder is issued one certificate when it starts at t0 and one every renewal interval R
    // = lifetime x renewAt after it: 1 + floor((horizon - t0) / R) over the 2 h horizon.
    String yaml = scenario(2, 2) + "identity: {certificates: %s}\n";
    ComparisonResult off = run(yaml.formatted("{lifetime: 1h, renewAt: 0.5}"));
    ComparisonResult halfHour = run(yaml.formatted("{lifetime: 1h, renewAt: 0.5, renewals: true}"));
    ComparisonResult hour = run(yaml.formatted("{lifetime: 2h, renewAt: 50%, renewals: true}"));
    // LeSP: 2 machines, t0 = 30 s (the boot). R = 30 min: 1 + floor(119.5 / 30) = 4 each; R = 1 h:
    // 1 + floor(119.5 / 60) = 2 each.
    assertEquals(2, lesp(off, Figure.CERTIFICATES_ISSUED), 0);
    assertEquals(2 * 4, lesp(halfHour, Figure.CERTIFICATES_ISSUED), 0);
    assertEquals(2 * 2, lesp(hour, Figure.CERTIFICATES_ISSUED), 0);
    // KuSP: 2 pods admitted at t0 = 0 on the initial nodes, and the horizon's own instant runs
    // (Simulation.runUntil is inclusive): R = 30 min, 1 + 120 / 30 = 5 each; R = 1 h, 3 each.
    // Service-account tokens (1 h renewed at 80%, RotationPolicy.SERVICE_ACCOUNT_TOKEN: R = 48
    // min): 1 + floor(120 / 48) = 3 each, renewed with the certificates.
    assertEquals(2, kusp(off, Figure.CERTIFICATES_ISSUED), 0);
    assertEquals(2 * 5, kusp(halfHour, Figure.CERTIFICATES_ISSUED), 0);
    assertEquals(2 * 3, kusp(hour, Figure.CERTIFICATES_ISSUED), 0);
    assertEquals(2, kusp(off, Figure.TOKENS_ISSUED), 0);
    assertEquals(2 * 3, kusp(halfHour, Figure.TOKENS_ISSUED), 0);
  }

  /** Two services of 2 pods each, on 2 nodes, with {@code identity} as the identity section. */
  private static String twoServices(String identity) {
    return scenario(2, 2)
            .replace(
                "services:\n",
                "services:\n  - name: api\n    instances: 2\n"
                    + "    request: {cpu: 1, memory: 1Gi}\n    usage: {cpu: 250m, memory: 512Mi}\n")
        + "identity: "
        + identity
        + "\n";
  }

  private static String mode(String mode) {
    return twoServices("{kusp: {mode: " + mode + "}}");
  }

  @Test
  void theIdentityModeDecidesPrincipalsAndBlastRadius() {
    ComparisonResult workload = run(mode("WORKLOAD_IDENTITY"));
    ComparisonResult nodeRole = run(mode("NODE_ROLE"));
    ComparisonResult proxy = run(mode("CREDENTIAL_PROXY"));
    // IdentityMode: workload identity has a role per service account (2) besides the node roles;
    // node role has only the node roles; the proxy has the same principals as workload identity.
    double nodes = kusp(nodeRole, Figure.PRINCIPALS);
    assertEquals(nodes + 2, kusp(workload, Figure.PRINCIPALS), 0);
    assertEquals(nodes + 2, kusp(proxy, Figure.PRINCIPALS), 0);
    // A service-account role reaches its own service only; a proxy node role may assume every
    // service-account role, so it reaches both services, from every host.
    assertEquals(1, kusp(workload, Figure.BLAST_RADIUS_MAX_PRINCIPAL), 0);
    assertEquals(2, kusp(proxy, Figure.BLAST_RADIUS_MAX_PRINCIPAL), 0);
    assertEquals(2, kusp(proxy, Figure.BLAST_RADIUS_MEAN), 0);
    // LeSP is not touched by the KuSP mode: one machine role per service.
    assertEquals(2, lesp(proxy, Figure.PRINCIPALS), 0);
  }

  @Test
  void aSharedResourceWidensTheBlastRadiusOnBothPlatforms() {
    // Each service needs only <service>-data by default: a role reaches its own service. A
    // resource both services need belongs to both (IdentityMode.graph), so the role of either
    // reaches two services: LeSP's machine role, KuSP's service-account role.
    ComparisonResult own = run(twoServices("{}"));
    ComparisonResult shared =
        run(twoServices("{resources: {web: [web-data, cache], api: [api-data, cache]}}"));
    assertEquals(1, lesp(own, Figure.BLAST_RADIUS_MAX_PRINCIPAL), 0);
    assertEquals(2, lesp(shared, Figure.BLAST_RADIUS_MAX_PRINCIPAL), 0);
    assertEquals(1, kusp(own, Figure.BLAST_RADIUS_MAX_PRINCIPAL), 0);
    assertEquals(2, kusp(shared, Figure.BLAST_RADIUS_MAX_PRINCIPAL), 0);
  }

  @Test
  void vpcNativeCapsPodsPerNodeAtTheEniLimitSoTheClusterGrows() {
    // 100 small pods on m5.xlarge nodes, starting from 1 node with the autoscaler free to add.
    // Overlay: 110 pods per node (kubelet default) - 3 DaemonSet pods = 107 slots, one node holds
    // all. VPC-native: 58 (4 ENIs x (15 - 1) + 2, amazon-vpc-cni-k8s eni-max-pods.txt) - 3 = 55
    // slots, so ceil(100 / 55) = 2 nodes.
    String yaml =
        """
        name: eni
        replications: 1
        horizon: 30m
        services:
          - name: web
            instances: 100
            request: {cpu: 10m, memory: 16Mi}
            usage: {cpu: 5m, memory: 8Mi}
        kusp:
          nodeType: {name: m5.xlarge, cpu: 4, memory: 16Gi, price: 0.192}
          initialNodes: 1
          autoscaler: {min: 1, max: 10}
        """;
    ComparisonResult overlay = run(yaml);
    ComparisonResult vpc =
        run(
            yaml
                + "identity: {kusp: {addressing: vpcNative, network: {cidr: 10.0.0.0/16,"
                + " subnetPrefix: 20}}}\n");
    assertEquals(1, kusp(overlay, Figure.PEAK_MACHINES), 0);
    assertEquals(2, kusp(vpc, Figure.PEAK_MACHINES), 0);
  }
}
