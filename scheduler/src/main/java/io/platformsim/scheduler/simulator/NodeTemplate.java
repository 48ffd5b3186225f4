package io.platformsim.scheduler.simulator;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.pod.PodSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a new node of a node group looks like (upstream: the template {@code NodeInfo} of a node
 * group): the node and the DaemonSet pods that will run on it. {@link #fresh} stamps out one node,
 * as cluster-autoscaler {@code simulator/node_info_utils.go} {@code
 * FreshNodeInfoFromTemplateNodeInfo} does: node name {@code <template>-<suffix>}, hostname label
 * set to it, pod ids suffixed alike.
 *
 * @param node the template node
 * @param daemonPods the DaemonSet pods every new node runs
 */
public record NodeTemplate(NodeSpec node, List<PodSpec> daemonPods) {
  /** Copies the list. */
  public NodeTemplate {
    daemonPods = List.copyOf(daemonPods);
  }

  /** A template without DaemonSet pods. */
  public static NodeTemplate of(NodeSpec node) {
    return new NodeTemplate(node, List.of());
  }

  /** The node named {@code <template>-<suffix>}, with its hostname label to match. */
  public NodeSpec freshNode(String suffix) {
    String name = node.name() + "-" + suffix;
    Map<String, String> labels = new HashMap<>(node.labels());
    labels.put(NodeSpec.HOSTNAME, name);
    return new NodeSpec(
        name, node.allocatable(), labels, node.taints(), node.unschedulable(), node.images());
  }

  /** The DaemonSet pods for the node of {@code suffix}, their ids suffixed with it. */
  public List<PodSpec> freshDaemonPods(String suffix) {
    return daemonPods.stream().map(p -> p.withId(p.id() + "-" + suffix)).toList();
  }

  @Override
  public String toString() {
    return "NodeTemplate[" + node.name() + ", " + daemonPods.size() + " daemon pods]";
  }
}
