package io.platformsim.core.experiment;

import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.NodePool;
import io.platformsim.core.lesp.InstanceType;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import java.util.Optional;

/**
 * A service's node selector and tolerations ({@link DeploymentSpec#nodeSelector}, {@link
 * DeploymentSpec#noScheduleTolerations}) on both platforms. On KuSP some node pool must admit the
 * service ({@link NodePool#admits}) with room for its request, else its pods could never run: the
 * scenario is refused. On LeSP, where each service has its own pool of machines of one instance
 * type, a selector on {@value NodePool#INSTANCE_TYPE_LABEL} pins that type ({@code lesp.pin}); the
 * other labels and the tolerations have no LeSP meaning (a machine runs one service, nothing else
 * competes for it).
 */
final class NodeSelection {

  private NodeSelection() {}

  /** Why no KuSP pool can run {@code s} under {@code spec}, or empty if one can. */
  static Optional<String> kuspProblem(Service s, DeploymentSpec spec, KuspConfig kusp) {
    if (kusp.poolFor(s.request(), spec).isPresent()) {
      return Optional.empty();
    }
    StringBuilder pools = new StringBuilder();
    for (NodePool p : kusp.pools()) {
      pools
          .append(pools.isEmpty() ? "" : "; ")
          .append(p.name())
          .append(' ')
          .append(p.nodeLabels())
          .append(p.taints().isEmpty() ? "" : " taints " + p.taints())
          .append(" room ")
          .append(kusp.allocatableForPods(p));
    }
    return Optional.of(
        "service '"
            + s.name()
            + "' with nodeSelector "
            + spec.nodeSelector()
            + " and NoSchedule tolerations "
            + spec.noScheduleTolerations()
            + " fits no node pool (labels, tolerated taints and room for request "
            + s.request()
            + "); pools: "
            + pools);
  }

  /**
   * The LeSP instance type {@code s}'s selector pins, if it selects one; an error if the menu lacks
   * it, the service does not fit it or {@code lesp.pin} pins another.
   */
  static Optional<String> lespPin(Service s, DeploymentSpec spec, LespConfig lesp) {
    String type = spec.nodeSelector().get(NodePool.INSTANCE_TYPE_LABEL);
    if (type == null) {
      return Optional.empty();
    }
    String pinned = lesp.pinnedTypes().get(s.name());
    if (pinned != null && !pinned.equals(type)) {
      throw new IllegalArgumentException(
          "service '"
              + s.name()
              + "' selects "
              + NodePool.INSTANCE_TYPE_LABEL
              + "="
              + type
              + " but lesp.pin pins it to '"
              + pinned
              + "'");
    }
    try {
      InstanceType t = lesp.menu().pinned(s, type, lesp.agents());
      return Optional.of(t.name());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "service '"
              + s.name()
              + "' selects "
              + NodePool.INSTANCE_TYPE_LABEL
              + "="
              + type
              + ", which LeSP cannot run it on: "
              + e.getMessage());
    }
  }

  /**
   * {@code lesp} with every service of {@code workload} whose KuSP spec selects an instance type
   * pinned to it there.
   *
   * @throws IllegalArgumentException if no KuSP pool can run a service, or its selected type cannot
   *     run it on LeSP
   */
  static LespConfig applied(Workload workload, KuspConfig kusp, LespConfig lesp) {
    LespConfig out = lesp;
    for (Service s : workload.services()) {
      DeploymentSpec spec = kusp.deployment(s.name());
      Optional<String> problem = kuspProblem(s, spec, kusp);
      if (problem.isPresent()) {
        throw new IllegalArgumentException(problem.get());
      }
      Optional<String> type = lespPin(s, spec, lesp);
      if (type.isPresent() && !type.get().equals(lesp.pinnedTypes().get(s.name()))) {
        out = out.withPin(s.name(), type.get());
      }
    }
    return out;
  }
}
