package io.platformsim.core.experiment;

import io.platformsim.core.kusp.ClusterAutoscaling;
import io.platformsim.core.kusp.CrashLoopBackOff;
import io.platformsim.core.kusp.DaemonSet;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.NoScheduleTerm;
import io.platformsim.core.kusp.NodePool;
import io.platformsim.core.kusp.NodeType;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the {@code kusp} section as {@link KuspReader}, {@link KuspNodeReader} and {@link
 * KuspControlPlaneReader} read it, every field written out: {@code initialNodes} as a number (never
 * {@code auto}), the cluster autoscaler in full or {@code false}, the reservations, DaemonSets
 * ({@code []} for none), node provisioning, image pulls, scheduling and control-plane timings. The
 * per-service Deployment specs go under each service ({@link ServicesWriter}), the {@linkplain
 * KuspConfig#identity() identity} under {@code identity} ({@link IdentityWriter}).
 *
 * <p>The node pools besides the default one and the expander come last ({@link NodePoolReader}).
 *
 * <p>Not expressible: a node provisioning or scheduling latency distribution the file cannot spell
 * ({@link LespWriter#distribution}: left out, read back as the default); DaemonSet names with
 * leading or trailing blanks (the reader strips them). A preloaded image is named by its reference
 * and read as the image of the first service with that reference, so another image of the same
 * reference reads back as that one. Written as they are and reported by the reader: a not-ready
 * toleration or termination grace period that is not whole seconds, a preloaded image whose
 * reference no service has.
 */
final class KuspWriter {

  private KuspWriter() {}

  /** The {@code kusp} section of {@code c}. */
  static void write(YamlLines y, KuspConfig c) {
    y.open("kusp");
    y.flow("nodeType", nodeType(c.nodeType()));
    y.field("initialNodes", Integer.toString(c.initialNodes()));
    y.flowList("zones", c.zones().stream().map(Spelled::text).toList());
    ClusterAutoscaling ca = c.clusterAutoscaling();
    if (ca == null) {
      y.field("autoscaler", "false");
    } else {
      y.flow(
          "autoscaler",
          List.of(
              "min",
              Integer.toString(ca.minNodes()),
              "max",
              Integer.toString(ca.maxNodes()),
              "scaleDownAfter",
              Spelled.duration(ca.unneededMillis()),
              "scanInterval",
              Spelled.duration(ca.scanIntervalMillis()),
              "scaleDownDelayAfterAdd",
              Spelled.duration(ca.delayAfterAddMillis()),
              "scaleDownUtilizationThreshold",
              Spelled.decimal(ca.utilizationThreshold())));
    }
    y.field("schedulerProfile", Spelled.text(c.schedulerProfile()));
    node(y, c);
    timings(y, c);
    pools(y, c);
    y.close();
  }

  /** The expander and the node pools besides the default one ({@link NodePoolReader}). */
  private static void pools(YamlLines y, KuspConfig c) {
    y.field("expander", c.expander().yamlName());
    if (c.nodePools().isEmpty()) {
      y.field("nodePools", "[]");
      return;
    }
    y.open("nodePools");
    for (NodePool p : c.nodePools()) {
      y.item();
      y.field("name", Spelled.text(p.name()));
      y.flow("nodeType", nodeType(p.nodeType()));
      if (p.labels().isEmpty()) {
        y.field("labels", "{}");
      } else {
        y.open("labels");
        p.labels().forEach((k, v) -> y.field(Spelled.text(k), Spelled.text(v)));
        y.close();
      }
      if (p.noScheduleTerms().isEmpty()) {
        y.field("taints", "[]");
      } else {
        y.open("taints");
        for (NoScheduleTerm t : p.noScheduleTerms()) {
          // an empty value is left out: the reader's default, and a blank value is refused
          y.flowItem(
              t.value().isEmpty()
                  ? List.of("key", Spelled.text(t.key()), "effect", "NoSchedule")
                  : List.of(
                      "key",
                      Spelled.text(t.key()),
                      "value",
                      Spelled.text(t.value()),
                      "effect",
                      "NoSchedule"));
        }
        y.close();
      }
      y.field("initial", Integer.toString(p.initialNodes()));
      y.field("min", Integer.toString(p.minNodes()));
      y.field("max", Integer.toString(p.maxNodes()));
      y.close();
    }
    y.close();
  }

  /** {@code {name, cpu, memory, price, maxPods, disk}} of {@code t}. */
  private static List<String> nodeType(NodeType t) {
    List<String> node = new ArrayList<>(List.of("name", Spelled.text(t.name())));
    node.addAll(ServicesWriter.resources(t.capacity()));
    node.addAll(
        List.of(
            "price",
            Spelled.decimal(t.hourlyPriceUsd()),
            "maxPods",
            Integer.toString(t.maxPods()),
            "disk",
            Spelled.bytes(t.diskBytes())));
    return node;
  }

  /** What a node keeps for itself, how long it takes to join, how it gets images. */
  private static void node(YamlLines y, KuspConfig c) {
    y.open("reserved");
    y.flow("kube", ServicesWriter.resources(c.kubeReserved()));
    y.flow("system", ServicesWriter.resources(c.systemReserved()));
    y.field("evictionHard", Spelled.memory(c.evictionHardMemoryMib()));
    y.close();
    if (c.daemonSets().isEmpty()) {
      y.field("daemonSets", "[]"); // none, not the default DaemonSets
    } else {
      y.open("daemonSets");
      for (DaemonSet d : c.daemonSets()) {
        List<String> kv = new ArrayList<>(List.of("name", Spelled.text(d.name())));
        kv.addAll(ServicesWriter.resources(d.request()));
        y.flowItem(kv);
      }
      y.close();
    }
    LespWriter.distribution(y, "nodeProvisioning", c.nodeProvisioning());
    y.open("imagePulls");
    y.field("nodeBandwidth", Spelled.bytes(c.nodeBandwidthBytesPerSecond()));
    y.field("registryBandwidth", Spelled.bytes(c.registryBandwidthBytesPerSecond()));
    y.field("maxParallel", Integer.toString(c.maxParallelImagePulls()));
    y.flowList(
        "preloaded", c.preloadedImages().stream().map(i -> Spelled.text(i.reference())).toList());
    y.close();
  }

  /** The scheduler's and the control plane's timings. */
  private static void timings(YamlLines y, KuspConfig c) {
    y.open("scheduling");
    int pct = c.percentageOfNodesToScore();
    y.field("nodeSampling", pct == 0 ? "adaptive" : pct + "%");
    LespWriter.distribution(y, "latency", c.schedulingLatency());
    y.close();
    y.open("controlPlane");
    y.field("controllerLatency", Spelled.duration(c.controllerLatencyMillis()));
    y.field("nodeMonitorGracePeriod", Spelled.duration(c.nodeMonitorGracePeriodMillis()));
    y.field("nodeStatusUpdate", Spelled.duration(c.nodeStatusUpdateMillis()));
    y.field("notReadyToleration", Spelled.duration(c.notReadyTolerationMillis()));
    y.field("terminationGracePeriod", Spelled.duration(c.terminationGracePeriodMillis()));
    CrashLoopBackOff b = c.crashLoopBackOff();
    y.flow(
        "crashLoopBackOff",
        List.of(
            "initial",
            Spelled.duration(b.initialMillis()),
            "max",
            Spelled.duration(b.maxMillis()),
            "reset",
            Spelled.duration(b.resetMillis())));
    y.close();
  }
}
