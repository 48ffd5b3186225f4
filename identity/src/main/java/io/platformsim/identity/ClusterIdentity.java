package io.platformsim.identity;

import io.platformsim.identity.access.AccessGraph;
import io.platformsim.identity.access.BlastRadiusReport;
import io.platformsim.identity.access.IdentityMode;
import io.platformsim.identity.cert.Certificate;
import io.platformsim.identity.cert.CertificateAuthority;
import io.platformsim.identity.cert.RotationPolicy;
import io.platformsim.identity.ipam.Allocation;
import io.platformsim.identity.ipam.Network;
import io.platformsim.identity.ipam.OverlayAddressing;
import io.platformsim.identity.ipam.PodAddressing;
import io.platformsim.identity.ipam.VpcNativeAddressing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The identity layer of a Kubernetes cluster in one object, for a simulator to call as nodes and
 * pods come and go: pod addresses ({@link PodAddressing}, overlay or VPC-native), a certificate per
 * pod from a certificate authority and a service-account token per pod from a token issuer (each
 * with a capacity and a FIFO queue), and the principals of the chosen {@link IdentityMode} for
 * blast radius. No clock: every call takes the simulated time. Mutable, not thread-safe.
 *
 * <pre>{@code
 * ClusterIdentity id = ClusterIdentity.builder().overlay("10.0.0.0/16", 24)
 *     .certificateAuthority(50).mode(IdentityMode.WORKLOAD_IDENTITY).build();
 * id.nodeJoined("node-1", "m5.large", "us-east-1a", now);
 * PodCredentials c = id.podStarting("node-1", "web-7", "web", now);
 * // start the containers at c.readyAtMillis(); renew at c.certificate().renewAtMillis():
 * id.renewCertificate("web-7", later);
 * id.podStopped("web-7");
 * id.metrics();
 * }</pre>
 *
 * <p>Renewals are the caller's events: schedule {@link #renewCertificate} at {@link
 * Certificate#renewAtMillis()} and {@link #renewToken} likewise while the pod lives (or leave them
 * out for runs that must end on an empty event queue).
 */
public final class ClusterIdentity {
  private final PodAddressing addressing;
  private final CertificateAuthority authority;
  private final CertificateAuthority tokenIssuer;
  private final RotationPolicy certificates;
  private final RotationPolicy tokens;
  private final IdentityMode mode;
  private final Map<String, Set<String>> resources;
  // Looked up by name only, never iterated (podsByNode keeps the order).
  private final LivePods pods = new LivePods();
  private final Map<String, List<String>> podsByNode = new LinkedHashMap<>();

  // Per live pod only what a renewal and a release need: node, service, address (LivePods). The
  // credentials themselves go back to the caller and are not kept (at 100,000 pods two
  // Certificate records and a SPIFFE name per pod were a fifth of the simulator's heap). A
  // renewal rebuilds the subject from the pod's name (certificate) or its service (token),
  // exactly the subject the first issue had.

  private ClusterIdentity(Builder b) {
    this.addressing = b.addressing;
    this.authority =
        b.authorityCapacity == 0
            ? CertificateAuthority.unlimited()
            : CertificateAuthority.withCapacity(b.authorityCapacity);
    this.tokenIssuer =
        b.tokenCapacity == 0
            ? CertificateAuthority.unlimited()
            : CertificateAuthority.withCapacity(b.tokenCapacity);
    this.certificates = b.certificates;
    this.tokens = b.tokens;
    this.mode = b.mode;
    this.resources = new LinkedHashMap<>(b.resources);
  }

  /**
   * A builder with the defaults (overlay 10.0.0.0/16 with /24 per node, unlimited issuers, workload
   * identity).
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The pod addressing in use (for its counts and per-node limits). */
  public PodAddressing addressing() {
    return addressing;
  }

  /** The identity mode. */
  public IdentityMode mode() {
    return mode;
  }

  /**
   * A node joins: its pod range (overlay) or primary address and warm pool (VPC-native).
   *
   * @throws IllegalArgumentException if it is already known or its instance type is unknown
   */
  public Allocation nodeJoined(String node, String instanceType, String zone, long atMillis) {
    Allocation a = addressing.addNode(node, instanceType, zone, atMillis);
    if (a.isGranted()) {
      podsByNode.put(node, new ArrayList<>());
    }
    return a;
  }

  /**
   * A node leaves: its addresses go back, and with them those of any pods still on it.
   *
   * @throws IllegalArgumentException if the node is unknown
   */
  public void nodeLeft(String node) {
    addressing.removeNode(node);
    List<String> left = podsByNode.remove(node);
    if (left != null) {
      for (String p : left) {
        pods.remove(p);
      }
    }
  }

  /**
   * A pod of {@code service} is starting on {@code node} at {@code atMillis}: it takes an address
   * and, if it got one, requests its certificate and token now.
   *
   * @throws IllegalArgumentException if the pod is already live or the node unknown
   */
  public PodCredentials podStarting(String node, String pod, String service, long atMillis) {
    if (pod == null || pods.slot(pod) >= 0) {
      throw new IllegalArgumentException("pod '" + pod + "' is null or already has an identity");
    }
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException(
          "service of pod " + pod + " must not be blank, was '" + service + "'");
    }
    Allocation a = addressing.allocatePod(node, pod, atMillis);
    if (!a.isGranted()) {
      return new PodCredentials(a, null, null, -1);
    }
    Certificate certificate = authority.issue(certificateSubject(pod), certificates, atMillis);
    Certificate token = tokenIssuer.issue(serviceAccount(service), tokens, atMillis);
    pods.put(pod, node, service, a.address());
    podsByNode.get(node).add(pod);
    return new PodCredentials(
        a, certificate, token, Math.max(certificate.issuedAtMillis(), token.issuedAtMillis()));
  }

  /**
   * Renews a live pod's certificate at {@code atMillis}.
   *
   * @throws IllegalArgumentException if the pod is not live
   */
  public Certificate renewCertificate(String pod, long atMillis) {
    live(pod);
    return authority.issue(certificateSubject(pod), certificates, atMillis);
  }

  /**
   * Renews a live pod's service-account token at {@code atMillis}.
   *
   * @throws IllegalArgumentException if the pod is not live
   */
  public Certificate renewToken(String pod, long atMillis) {
    int p = live(pod);
    return tokenIssuer.issue(serviceAccount(pods.service(p)), tokens, atMillis);
  }

  // The pod's workload certificate names the pod (a SPIFFE ID); built on each issue, not kept.
  private static String certificateSubject(String pod) {
    return "spiffe://cluster/ns/default/pod/" + pod;
  }

  // The service account's subject, built on each issue: tokens are not kept, so a cached string
  // per service would be retained for nothing.
  private static String serviceAccount(String service) {
    return "system:serviceaccount:default:" + service;
  }

  /**
   * A pod stopped: its address goes back to its node's range or warm pool.
   *
   * @throws IllegalArgumentException if the pod is not live
   */
  public void podStopped(String pod) {
    int p = live(pod);
    String node = pods.node(p);
    addressing.releasePod(node, pods.address(p));
    pods.remove(pod);
    podsByNode.get(node).remove(pod);
  }

  /** Pods holding an identity now. */
  public int livePods() {
    return pods.size();
  }

  /** The access graph of the current placement under the mode. */
  public AccessGraph accessGraph() {
    Map<String, List<String>> servicesByNode = new LinkedHashMap<>();
    Map<String, Set<String>> needs = new LinkedHashMap<>(resources);
    podsByNode.forEach(
        (node, list) -> {
          List<String> services = new ArrayList<>();
          for (String pod : list) {
            String s = pods.service(pods.slot(pod));
            services.add(s);
            needs.computeIfAbsent(s, k -> new LinkedHashSet<>(List.of(k + "-data")));
          }
          servicesByNode.put(node, services);
        });
    return mode.graph(servicesByNode, needs);
  }

  /** Identity figures now. */
  public IdentityMetrics metrics() {
    AccessGraph g = accessGraph();
    BlastRadiusReport r = g.report();
    return new IdentityMetrics(
        addressing.counts(),
        authority.stats(),
        tokenIssuer.stats(),
        g.principals().size(),
        pods.size(),
        r);
  }

  private int live(String pod) {
    int p = pod == null ? -1 : pods.slot(pod);
    if (p < 0) {
      throw new IllegalArgumentException("pod '" + pod + "' has no live identity");
    }
    return p;
  }

  @Override
  public String toString() {
    return "ClusterIdentity[" + mode + ", " + pods.size() + " pods, " + addressing + "]";
  }

  /** Configuration of a {@link ClusterIdentity}. */
  public static final class Builder {
    private PodAddressing addressing;
    private int authorityCapacity;
    private int tokenCapacity;
    private RotationPolicy certificates = RotationPolicy.of(java.time.Duration.ofHours(24), 0.5);
    private RotationPolicy tokens = RotationPolicy.SERVICE_ACCOUNT_TOKEN;
    private IdentityMode mode = IdentityMode.WORKLOAD_IDENTITY;
    private final Map<String, Set<String>> resources = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Overlay addressing over {@code clusterCidr} with {@code /nodePrefix} per node (default
     * 10.0.0.0/16, /24).
     */
    public Builder overlay(String clusterCidr, int nodePrefix) {
      addressing = OverlayAddressing.of(clusterCidr, nodePrefix);
      return this;
    }

    /** VPC-native addressing over {@code network} with the AWS ENI table and default warm pools. */
    public Builder vpcNative(Network network) {
      addressing = VpcNativeAddressing.builder(network).build();
      return this;
    }

    /** Any pod addressing, e.g. a configured {@link VpcNativeAddressing}. */
    public Builder addressing(PodAddressing a) {
      if (a == null) {
        throw new IllegalArgumentException("addressing must not be null");
      }
      addressing = a;
      return this;
    }

    /** Certificate authority capacity per second, 0 for unlimited (default). */
    public Builder certificateAuthority(int perSecond) {
      authorityCapacity = checkCapacity("certificateAuthority", perSecond);
      return this;
    }

    /** Token issuer capacity per second, 0 for unlimited (default). */
    public Builder tokenIssuer(int perSecond) {
      tokenCapacity = checkCapacity("tokenIssuer", perSecond);
      return this;
    }

    /**
     * Pod certificate lifetime and renewal; default 24 h renewed at 50%, Istio's workload
     * certificate defaults ({@code SECRET_TTL} 24 h, {@code SECRET_GRACE_PERIOD_RATIO} 0.5).
     */
    public Builder certificates(RotationPolicy p) {
      certificates = requireNonNull("certificates", p);
      return this;
    }

    /**
     * Service-account token lifetime and renewal; default {@link
     * RotationPolicy#SERVICE_ACCOUNT_TOKEN}.
     */
    public Builder tokens(RotationPolicy p) {
      tokens = requireNonNull("tokens", p);
      return this;
    }

    /** The identity mode; default {@link IdentityMode#WORKLOAD_IDENTITY}. */
    public Builder mode(IdentityMode m) {
      mode = requireNonNull("mode", m);
      return this;
    }

    /** The resources {@code service} needs; services not named need {@code <service>-data}. */
    public Builder resources(String service, String... names) {
      resources.put(service, new LinkedHashSet<>(List.of(names)));
      return this;
    }

    /** The identity layer, nothing allocated yet. */
    public ClusterIdentity build() {
      if (addressing == null) {
        addressing = OverlayAddressing.of("10.0.0.0/16", OverlayAddressing.DEFAULT_NODE_PREFIX);
      }
      return new ClusterIdentity(this);
    }

    private static int checkCapacity(String field, int perSecond) {
      if (perSecond < 0 || perSecond > 1_000_000) {
        throw new IllegalArgumentException(
            field + " capacity must be in 0-1000000 (0 = unlimited), was " + perSecond);
      }
      return perSecond;
    }

    private static <T> T requireNonNull(String field, T v) {
      if (v == null) {
        throw new IllegalArgumentException(field + " must not be null");
      }
      return v;
    }
  }
}
