package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.kusp.KuspIdentity;
import io.platformsim.core.lesp.LespIdentity;
import io.platformsim.identity.access.IdentityMode;
import io.platformsim.identity.cert.RotationPolicy;
import io.platformsim.identity.ipam.Cidr;
import io.platformsim.identity.ipam.Network;
import io.platformsim.identity.ipam.Subnet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field of the scenario file's {@code identity} section, read into {@link LespIdentity} and
 * {@link KuspIdentity}, and every bad value refused with one error naming file, line, field and
 * value.
 */
class IdentitySectionTest {

  /** One service, web. The identity section starts at line 6. */
  static final String SMALL =
      """
      services:
        - name: web
          instances: 2
          request: {cpu: 1, memory: 1Gi}
          usage: {cpu: 250m, memory: 512Mi}
      """;

  /**
   * A KuSP node type with a known ENI limit: m5.xlarge, 4 vCPU / 16 GiB, $0.192/h (AWS on-demand,
   * us-east-1).
   */
  static final String M5_XLARGE =
      "kusp: {nodeType: {name: m5.xlarge, cpu: 4, memory: 16Gi, price: 0.192}}\n";

  private static Scenario parse(String identity) {
    return ScenarioFile.parse(SMALL + "identity: " + identity + "\n", "r.yaml");
  }

  private static final LespIdentity LESP = LespIdentity.DEFAULT;
  private static final KuspIdentity KUSP = KuspIdentity.INSTANT;

  private static Network plain(String cidr, String zone) {
    return new Network(Cidr.parse(cidr), List.of(Subnet.plain(zone, zone, cidr)));
  }

  static Stream<Arguments> fields() {
    RotationPolicy twelveHours = new RotationPolicy(12 * 3_600_000L, 2.0 / 3.0);
    return Stream.of(
        Arguments.of(
            "{authorityCapacity: 7}", LESP.withAuthorityCapacity(7), KUSP.withAuthorityCapacity(7)),
        Arguments.of(
            "{certificates: {lifetime: 12h, renewAt: 2/3, renewals: true}}",
            LESP.withCertificates(twelveHours, true),
            KUSP.withCertificates(twelveHours).withRenewals(true)),
        // Only renewals: each platform keeps its own lifetime (LeSP 90 d at 2/3, KuSP 24 h at 50%).
        Arguments.of(
            "{certificates: {renewals: true}}",
            LESP.withCertificates(RotationPolicy.NINETY_DAY_CERTIFICATE, true),
            KUSP.withRenewals(true)),
        Arguments.of(
            "{certificates: {renewAt: 50%}, kusp: {certificates: {lifetime: 1h}}}",
            LESP.withCertificates(new RotationPolicy(90L * 86_400_000L, 0.5), false),
            KUSP.withCertificates(new RotationPolicy(3_600_000L, 0.5))),
        Arguments.of(
            "{resources: {web: [web-db, shared-bucket]}}",
            LESP.withResources("web", "web-db", "shared-bucket"),
            KUSP.withResources("web", "web-db", "shared-bucket")),
        Arguments.of(
            "{resources: {web: [a]}, lesp: {resources: {web: [b]}}}",
            LESP.withResources("web", "b"),
            KUSP.withResources("web", "a")),
        Arguments.of(
            "{authorityCapacity: 25, lesp: {authorityCapacity: 2}}",
            LESP.withAuthorityCapacity(2),
            KUSP.withAuthorityCapacity(25)),
        // One zone, no subnetPrefix: the whole block is one plain subnet, as LespIdentity.DEFAULT.
        Arguments.of(
            "{lesp: {network: {cidr: 10.1.0.0/24}}}",
            LESP.withNetwork(plain("10.1.0.0/24", "zone-a")),
            KUSP),
        Arguments.of(
            "{lesp: {network: {cidr: 10.0.0.0/16, subnetPrefix: 20, zones: [a, b], reserved: aws}}}",
            LESP.withNetwork(Network.perZone("10.0.0.0/16", 20, "a", "b")),
            KUSP),
        // Three zones, no subnetPrefix: the fewest equal subnets for three, /18 (four of them).
        Arguments.of(
            "{lesp: {network: {cidr: 10.0.0.0/16, zones: [a, b, c]}}}",
            LESP.withNetwork(
                Network.builder("10.0.0.0/16")
                    .subnet(Subnet.plain("a", "a", "10.0.0.0/18"))
                    .subnet(Subnet.plain("b", "b", "10.0.64.0/18"))
                    .subnet(Subnet.plain("c", "c", "10.0.128.0/18"))
                    .build()),
            KUSP),
        Arguments.of(
            "{kusp: {podCidr: 10.8.0.0/20, nodePrefix: 26}}",
            LESP,
            KUSP.overlay("10.8.0.0/20", 26)),
        Arguments.of(
            "{kusp: {addressing: overlay, nodePrefix: 25}}", LESP, KUSP.overlay("10.0.0.0/16", 25)),
        Arguments.of(
            "{kusp: {mode: NODE_ROLE, tokenCapacity: 10}}",
            LESP,
            KUSP.withMode(IdentityMode.NODE_ROLE).withTokenCapacity(10)),
        Arguments.of(
            "{kusp: {mode: CREDENTIAL_PROXY, authorityCapacity: 3, resources: {web: [x]}}}",
            LESP,
            KUSP.withMode(IdentityMode.CREDENTIAL_PROXY)
                .withAuthorityCapacity(3)
                .withResources("web", "x")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void everyFieldIsReadIntoBothIdentities(String identity, LespIdentity lesp, KuspIdentity kusp) {
    Scenario s = parse(identity);
    assertEquals(lesp, s.lesp().identity(), "lesp");
    assertEquals(kusp, s.kusp().identity(), "kusp");
  }

  @Test
  void vpcNativeSubnetsFollowTheKuspZonesAndCapPodsAtTheEniLimit() {
    String yaml =
        SMALL
            + M5_XLARGE.replace("}}", "}, zones: [x, y]}")
            + "identity: {kusp: {addressing: vpcNative, network: {cidr: 10.0.0.0/16,"
            + " subnetPrefix: 20}}}\n";
    Scenario s = ScenarioFile.parse(yaml, "r.yaml");
    assertEquals(KUSP.vpcNative(Network.perZone("10.0.0.0/16", 20, "x", "y")), s.kusp().identity());
    // m5.xlarge: 4 ENIs x (15 addresses - 1) + 2 = 58 pods (amazon-vpc-cni-k8s eni-max-pods.txt),
    // below the kubelet's default 110.
    assertEquals(58, s.kusp().nodeType().maxPods());
  }

  @Test
  void theJavaBuilderReachesEveryIdentitySetting() {
    // What the file says, the builders say: KuspConfig/LespConfig.Builder.identity(..) with the
    // identities' with* methods, through Scenario.builder.
    String yaml =
        SMALL
            + M5_XLARGE
            + """
            identity:
              authorityCapacity: 4
              certificates: {lifetime: 6h, renewAt: 0.5, renewals: true}
              lesp: {network: {cidr: 10.2.0.0/16}}
              kusp:
                addressing: vpcNative
                network: {cidr: 10.0.0.0/16, subnetPrefix: 20}
                mode: NODE_ROLE
                tokenCapacity: 9
            """;
    Scenario file = ScenarioFile.parse(yaml, "r.yaml");
    RotationPolicy sixHours = RotationPolicy.of(java.time.Duration.ofHours(6), 0.5);
    Scenario built =
        Scenario.builder(file.name())
            .services(file.workload().services())
            .lesp(
                io.platformsim.core.lesp.LespConfig.builder()
                    .identity(
                        LESP.withNetwork(plain("10.2.0.0/16", "zone-a"))
                            .withAuthorityCapacity(4)
                            .withCertificates(sixHours, true))
                    .build())
            .kusp(
                file.kusp()
                    .withIdentity(
                        KUSP.vpcNative(
                                Network.perZone("10.0.0.0/16", 20, "zone-a", "zone-b", "zone-c"))
                            .withMode(IdentityMode.NODE_ROLE)
                            .withAuthorityCapacity(4)
                            .withTokenCapacity(9)
                            .withCertificates(sixHours)
                            .withRenewals(true)))
            .build();
    assertEquals(built.lesp().identity(), file.lesp().identity());
    assertEquals(built.kusp(), file.kusp());
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("{kusp: {podCidr: 10.0.0.1/16}}", "identity.kusp.podCidr", "host bits"),
        Arguments.of("{kusp: {podCidr: 10.0.0.0/33}}", "identity.kusp.podCidr", "33"),
        Arguments.of("{kusp: {podCidr: 10.0.0/16}}", "identity.kusp.podCidr", "10.0.0/16"),
        Arguments.of("{kusp: {nodePrefix: 31}}", "identity.kusp.nodePrefix", "was 31"),
        Arguments.of("{kusp: {nodePrefix: 8}}", "identity.kusp.nodePrefix", "was 8"),
        Arguments.of("{kusp: {podCidr: 10.0.0.0/26}}", "identity.kusp.podCidr", "/24"),
        Arguments.of("{kusp: {mode: NODE_ROL}}", "identity.kusp.mode", "did you mean 'NODE_ROLE'"),
        Arguments.of("{kusp: {mode: MACHINE_ROLE}}", "identity.kusp.mode", "LeSP"),
        Arguments.of("{kusp: {addressing: vpc}}", "identity.kusp.addressing", "'vpc'"),
        Arguments.of("{kusp: {addressing: vpcNative}}", "identity.kusp.addressing", "network"),
        Arguments.of(
            "{kusp: {addressing: vpcNative, network: {cidr: 10.0.0.0/16}}}",
            "identity.kusp.addressing",
            "'generic-4x16'"),
        Arguments.of(
            // KuSP's default zones are zone-a, zone-b and zone-c (KuspConfig.Builder).
            "{kusp: {addressing: vpcNative, network: {cidr: 10.0.0.0/16, zones: [zone-a]}}}\n"
                + M5_XLARGE,
            "identity.kusp.network.zones",
            "'zone-b'"),
        Arguments.of(
            "{kusp: {addressing: vpcNative, nodePrefix: 24}}",
            "identity.kusp.nodePrefix",
            "overlay"),
        Arguments.of(
            "{kusp: {network: {cidr: 10.0.0.0/16}}}", "identity.kusp.network", "vpcNative"),
        Arguments.of("{kusp: {tokenCapacity: -1}}", "identity.kusp.tokenCapacity", "was -1"),
        Arguments.of("{kusp: {tokens: 1}}", "identity.kusp.tokens", "'tokens'"),
        Arguments.of("{lesp: {authorityCapacity: -5}}", "identity.lesp.authorityCapacity", "-5"),
        Arguments.of(
            "{lesp: {network: {cidr: 10.0.0.0/16, subnetPrefix: 8}}}",
            "identity.lesp.network.subnetPrefix",
            "was 8"),
        Arguments.of(
            "{lesp: {network: {cidr: 10.0.0.0/24, subnetPrefix: 25, zones: [a, b, c]}}}",
            "identity.lesp.network.subnetPrefix",
            "holds only 2"),
        Arguments.of(
            "{lesp: {network: {cidr: 10.0.0.0/24, subnetPrefix: 31}}}",
            "identity.lesp.network.subnetPrefix",
            "/31"),
        Arguments.of(
            "{lesp: {network: {cidr: 10.0.0.0/16, reserved: gcp}}}",
            "identity.lesp.network.reserved",
            "'gcp'"),
        Arguments.of(
            "{lesp: {network: {cidr: 10.0.0.0/16, zones: [a, a]}}}",
            "identity.lesp.network.zones",
            "[a, a]"),
        Arguments.of(
            "{lesp: {network: {subnetPrefix: 20}}}", "identity.lesp.network.cidr", "required"),
        Arguments.of("{lesp: {mode: MACHINE_ROLE}}", "identity.lesp.mode", "'mode'"),
        Arguments.of("{certificates: {lifetime: 0s}}", "identity.certificates.lifetime", "'0s'"),
        Arguments.of(
            "{certificates: {lifetime: soon}}", "identity.certificates.lifetime", "'soon'"),
        Arguments.of("{certificates: {renewAt: 1.5}}", "identity.certificates.renewAt", "'1.5'"),
        Arguments.of("{certificates: {renewAt: 0}}", "identity.certificates.renewAt", "'0'"),
        Arguments.of("{certificates: {renewAt: half}}", "identity.certificates.renewAt", "'half'"),
        Arguments.of("{certificates: {renewals: yes}}", "identity.certificates.renewals", "'yes'"),
        Arguments.of(
            "{kusp: {certificates: {renewAt: 2/0}}}",
            "identity.kusp.certificates.renewAt",
            "'2/0'"),
        Arguments.of("{resources: {wbe: [x]}}", "identity.resources.wbe", "did you mean 'web'"),
        Arguments.of("{resources: {web: x}}", "identity.resources.web", "list"),
        // 1 ms x 0.5 renews in under 1 ms: the model's cross-field check, at the section.
        Arguments.of(
            "{certificates: {lifetime: 1ms, renewAt: 0.5}}", "identity", "renews in under 1 ms"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void everyBadValueIsOneErrorNamingFileLineFieldAndValue(
      String identity, String path, String value) {
    ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> parse(identity));
    assertEquals("r.yaml", e.file(), e.getMessage());
    assertEquals(6, e.line(), e.getMessage());
    assertEquals(path, e.field(), e.getMessage());
    assertTrue(e.problem().contains(value), e.getMessage());
  }
}
