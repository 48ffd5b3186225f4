package io.platformsim.core.experiment;

import io.platformsim.core.kusp.ClusterAutoscaling;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.NodeType;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the {@code kusp} section as {@link KuspReader} reads it, every field written out: {@code
 * initialNodes} as a number (never {@code auto}) and the cluster autoscaler in full or {@code
 * false}. The per-service Deployment specs go under each service ({@link ServicesWriter}). Not
 * expressible (no key in the reader): kube/system reserved, the eviction threshold, DaemonSets,
 * node provisioning, node and registry bandwidth, parallel image pulls, preloaded images, node
 * sampling, scheduling and controller latency, node monitor grace period, node status update,
 * not-ready toleration, termination grace period, crash-loop back-off, the cluster autoscaler's
 * scan interval, delay after add and utilization threshold, and the {@linkplain
 * KuspConfig#identity() identity} beyond its authority capacity ({@link IdentityWriter}).
 */
final class KuspWriter {

  private KuspWriter() {}

  /** The {@code kusp} section of {@code c}. */
  static void write(YamlLines y, KuspConfig c) {
    y.open("kusp");
    NodeType t = c.nodeType();
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
    y.flow("nodeType", node);
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
              Spelled.duration(ca.unneededMillis())));
    }
    y.field("schedulerProfile", Spelled.text(c.schedulerProfile()));
    y.close();
  }
}
