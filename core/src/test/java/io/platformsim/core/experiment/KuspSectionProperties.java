package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.kusp.CrashLoopBackOff;
import io.platformsim.core.kusp.DaemonSet;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.workload.Resources;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The {@code kusp} node and control-plane fields written out and read back are what the builder
 * makes of the same values; and reserving more never sizes a smaller cluster.
 */
class KuspSectionProperties {

  private static final String HEAD =
      """
      services:
        - name: web
          instances: 12
          request: {cpu: 500m, memory: 1Gi}
          usage: {cpu: 200m, memory: 512Mi}
      kusp:
        initialNodes: 3
        autoscaler: false
      """;

  @Property(tries = 100)
  void writtenAndReadBackIsWhatTheBuilderMakes(@ForAll long seed) {
    Random r = new Random(seed);
    KuspConfig.Builder b = KuspConfig.builder().initialNodes(3);
    StringBuilder y = new StringBuilder(HEAD);
    Resources kube = Resources.of(r.nextInt(1000), r.nextInt(2048));
    Resources system = Resources.of(r.nextInt(500), r.nextInt(1024));
    long eviction = r.nextInt(1024);
    y.append("  reserved:\n")
        .append(reservation("kube", kube))
        .append(reservation("system", system))
        .append("    evictionHard: ")
        .append(eviction)
        .append("Mi\n");
    b.reserved(kube, system).evictionHardMemoryMib(eviction);
    int n = r.nextInt(4);
    DaemonSet[] ds = new DaemonSet[n];
    y.append("  daemonSets:").append(n == 0 ? " []\n" : "\n");
    for (int i = 0; i < n; i++) {
      ds[i] = new DaemonSet("ds-" + i, Resources.of(r.nextInt(200), r.nextInt(256)));
      y.append("    - {name: ds-")
          .append(i)
          .append(", cpu: ")
          .append(ds[i].request().milliCpu())
          .append("m, memory: ")
          .append(ds[i].request().memoryMib())
          .append("Mi}\n");
    }
    b.daemonSets(ds);
    long provisioning = r.nextInt(600) * 1000L;
    y.append("  nodeProvisioning: ").append(provisioning / 1000).append("s\n");
    b.nodeProvisioning(DurationDistribution.fixed(provisioning));
    long node = 1 + r.nextInt(1_000_000_000);
    long registry = 1 + r.nextInt(1_000_000_000);
    int parallel = r.nextInt(5);
    y.append("  imagePulls: {nodeBandwidth: ")
        .append(node)
        .append("B, registryBandwidth: ")
        .append(registry)
        .append("B, maxParallel: ")
        .append(parallel)
        .append("}\n");
    b.nodeBandwidth(node).registryBandwidth(registry).maxParallelImagePulls(parallel);
    int pct = r.nextInt(101);
    long latency = r.nextInt(1000);
    y.append("  scheduling: {nodeSampling: ")
        .append(pct == 0 ? "adaptive" : pct + "%")
        .append(", latency: ")
        .append(latency)
        .append("ms}\n");
    b.percentageOfNodesToScore(pct).schedulingLatency(DurationDistribution.fixed(latency));
    long controller = r.nextInt(5000);
    long grace = r.nextInt(120) * 1000L;
    long heartbeat = 1 + r.nextInt(30_000);
    long toleration = r.nextInt(900) * 1000L;
    long termination = r.nextInt(120) * 1000L;
    long initial = 1 + r.nextInt(30_000);
    long max = initial + r.nextInt(600_000);
    y.append("  controlPlane:\n")
        .append("    controllerLatency: ")
        .append(controller)
        .append("ms\n    nodeMonitorGracePeriod: ")
        .append(grace / 1000)
        .append("s\n    nodeStatusUpdate: ")
        .append(heartbeat)
        .append("ms\n    notReadyToleration: ")
        .append(toleration / 1000)
        .append("s\n    terminationGracePeriod: ")
        .append(termination / 1000)
        .append("s\n    crashLoopBackOff: {initial: ")
        .append(initial)
        .append("ms, max: ")
        .append(max)
        .append("ms}\n");
    b.controllerLatencyMillis(controller)
        .nodeMonitorGracePeriodMillis(grace)
        .nodeStatusUpdateMillis(heartbeat)
        .notReadyTolerationMillis(toleration)
        .terminationGracePeriodMillis(termination)
        .crashLoopBackOff(new CrashLoopBackOff(initial, max, 2 * max));
    assertEquals(b.build(), ScenarioFile.parse(y.toString(), "p.yaml").kusp(), y.toString());
  }

  @Property(tries = 50)
  void moreReservedCpuNeverSizesASmallerCluster(
      @ForAll @IntRange(min = 0, max = 3000) int reserved,
      @ForAll @LongRange(min = 1, max = 200) long more) {
    String head = HEAD.replace("  initialNodes: 3\n  autoscaler: false\n", "");
    int less = nodes(head, reserved);
    int moreNodes = nodes(head, reserved + more);
    assertTrue(
        moreNodes >= less, reserved + "m: " + less + ", " + (reserved + more) + "m: " + moreNodes);
  }

  private static int nodes(String head, long reservedMilliCpu) {
    return ScenarioFile.parse(
            head + "  reserved: {kube: {cpu: " + reservedMilliCpu + "m}}\n", "p.yaml")
        .kusp()
        .initialNodes();
  }

  private static String reservation(String key, Resources r) {
    return "    " + key + ": {cpu: " + r.milliCpu() + "m, memory: " + r.memoryMib() + "Mi}\n";
  }
}
