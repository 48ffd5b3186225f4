package io.platformsim.core.experiment;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.kusp.ClusterAutoscaling;
import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code kusp-rightsized} platform variant: KuSP exactly as {@code kusp} ({@link KuspFactory}),
 * except that every service whose Deployment spec carries a right-sized request ({@link
 * DeploymentSpec#rightSized()}, {@code services[].deployment.rightSized}: a Vertical Pod Autoscaler
 * recommendation's target) asks for that request; services without one keep theirs. Next to {@code
 * kusp} in one comparison it separates right-sizing's effect from bin packing's ({@code kusp} ÷
 * {@code lesp}). Reports label it {@value #LABEL}. Stateless.
 *
 * <p>{@link #adapt} makes the scenario it runs:
 *
 * <ul>
 *   <li>Limits keep their ratio to the request, as the VPA does under its default {@code
 *       controlledValues: RequestsAndLimits} (kubernetes/autoscaler {@code
 *       vertical-pod-autoscaler/pkg/apis/autoscaling.k8s.io/v1/types.go} {@code
 *       ContainerResourcePolicy.ControlledValues}, "The default is RequestsAndLimits"; the rule is
 *       {@code GetProportionalLimit} in {@code pkg/utils/vpa/limit_and_request_scaling.go}): no
 *       limit stays none; a limit equal to the request (or over a request of 0) becomes the new
 *       request; otherwise limit × new request ÷ old request, rounded down (upstream in bytes, here
 *       in MiB).
 *   <li>The cluster is sized for the new requests: the initial nodes become {@code ceil(initial ×
 *       nodesFor(right-sized) ÷ nodesFor(as given))} ({@link Scenario#nodesFor}), which is exactly
 *       {@code nodesFor(right-sized)} when the file said {@code initialNodes: auto} and keeps a
 *       hand-picked count's headroom over the bound otherwise; a cluster autoscaler that is the
 *       comparison's default for the old count ({@link Scenario#autoscalerAround}) becomes the
 *       default for the new one, a hand-written one is kept. Extra node pools keep their counts.
 *   <li>LeSP, the timeline, pricing and everything else are unchanged.
 * </ul>
 */
final class RightSizedKuspFactory implements PlatformFactory {

  /** The registry name. */
  static final String NAME = "kusp-rightsized";

  /** The label reports print. */
  static final String LABEL = "KuSP right-sized";

  private static final KuspFactory KUSP = new KuspFactory();

  /** The platform of {@code scenario} as {@link #adapt} made it, labelled {@value #LABEL}. */
  @Override
  public Platform create(Scenario scenario, Simulation sim, RandomStreams streams) {
    return new LabelledPlatform(LABEL, KUSP.create(scenario, sim, streams));
  }

  /**
   * {@code scenario} with the right-sized requests, proportional limits and a cluster sized for
   * them (see the class documentation).
   *
   * @throws IllegalArgumentException if no service has a right-sized request (the variant would be
   *     a silent copy of {@code kusp}), or the right-sized scenario is invalid, naming why
   */
  @Override
  public Scenario adapt(Scenario scenario) {
    KuspConfig kusp = scenario.kusp();
    List<Service> services = new ArrayList<>();
    Map<String, DeploymentSpec> specs = new LinkedHashMap<>(kusp.deployments());
    boolean any = false;
    for (Service s : scenario.workload().services()) {
      DeploymentSpec d = kusp.deployment(s.name());
      Resources to = d.rightSized();
      if (to == null) {
        services.add(s);
        continue;
      }
      any = true;
      services.add(withRequest(s, to));
      specs.put(s.name(), d.withRightSized(to, limits(d.limits(), s.request(), to)));
    }
    if (!any) {
      throw new IllegalArgumentException(
          NAME
              + ": no service of scenario '"
              + scenario.name()
              + "' has a right-sized request (services[].deployment.rightSized, which"
              + " 'platformsim import --usage' writes); the variant would be a copy of kusp");
    }
    Workload rightSized = Workload.of(services);
    int initial = initialNodes(kusp, scenario.workload(), rightSized);
    ClusterAutoscaling ca = kusp.clusterAutoscaling();
    if (ca != null && ca.equals(Scenario.autoscalerAround(kusp.initialNodes()))) {
      ca = Scenario.autoscalerAround(initial);
    }
    try {
      return new Scenario(
          scenario.name(),
          rightSized,
          scenario.lesp(),
          kusp.withDeployments(specs).withInitialNodes(initial).withClusterAutoscaling(ca),
          scenario.timeline(),
          scenario.horizonMillis(),
          scenario.replications(),
          scenario.seed(),
          scenario.sampleMillis(),
          scenario.pricing(),
          scenario.hostFailures());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(NAME + ": " + e.getMessage(), e);
    }
  }

  /**
   * The initial nodes for {@code after}: {@code kusp}'s count scaled by the ratio of the volume
   * bounds, {@code ceil(initial × nodesFor(after) ÷ nodesFor(before))}.
   */
  static int initialNodes(KuspConfig kusp, Workload before, Workload after) {
    int was = Scenario.nodesFor(before, kusp);
    int now = Scenario.nodesFor(after, kusp);
    return (int) Math.ceil((double) kusp.initialNodes() * now / was - 1e-9);
  }

  /**
   * The limits after the request goes from {@code from} to {@code to}, per resource as the VPA's
   * {@code getProportionalResourceLimit} (kubernetes/autoscaler {@code
   * vertical-pod-autoscaler/pkg/utils/vpa/limit_and_request_scaling.go}); {@code null} stays none.
   */
  static Resources limits(Resources limits, Resources from, Resources to) {
    if (limits == null) {
      return null;
    }
    return Resources.of(
        proportional(limits.milliCpu(), from.milliCpu(), to.milliCpu()),
        proportional(limits.memoryMib(), from.memoryMib(), to.memoryMib()));
  }

  /**
   * One resource's limit: 0 (no limit) stays 0; over a request of 0, or equal to the request, it
   * becomes {@code to}; otherwise {@code limit × to ÷ from} rounded down, capped at {@code
   * Long.MAX_VALUE} as upstream caps at int64.
   */
  static long proportional(long limit, long from, long to) {
    if (limit == 0) {
      return 0;
    }
    if (from == 0 || from == limit) {
      return to;
    }
    BigInteger scaled =
        BigInteger.valueOf(limit).multiply(BigInteger.valueOf(to)).divide(BigInteger.valueOf(from));
    return scaled.bitLength() < Long.SIZE ? scaled.longValue() : Long.MAX_VALUE;
  }

  /** {@code s} asking for {@code request}, everything else as it was. */
  private static Service withRequest(Service s, Resources request) {
    return new Service(
        s.name(),
        s.version(),
        s.instances(),
        request,
        s.usage(),
        s.artifactBytes(),
        s.startupMillis(),
        s.healthCheckMillis(),
        s.image(),
        s.placement());
  }

  @Override
  public String toString() {
    return NAME + " (KuspPlatform, right-sized requests)";
  }
}
