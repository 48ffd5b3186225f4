package io.platformsim.scheduler.simulator;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.state.BoundPod;
import io.platformsim.scheduler.state.NodeTable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** A printable fingerprint of everything a node table reports, for equality checks in tests. */
final class TableState {
  static final List<LabelSelector> SELECTORS =
      List.of(LabelSelector.matchLabels("app", "a"), LabelSelector.matchLabels("app", "b"));

  private TableState() {}

  /**
   * Nodes, cordons, requests, pods in order with bind sequences, selector counts; with {@code
   * versions} also versions and counters.
   */
  static String of(NodeTable t, boolean versions) {
    StringBuilder sb = new StringBuilder();
    sb.append(t.size()).append(" nodes, ").append(t.boundCount()).append(" pods\n");
    for (int n = 0; n < t.size(); n++) {
      sb.append(t.name(n)).append(t.unschedulable(n) ? " cordoned" : "").append(" req=");
      for (int r = 0; r < t.dims(); r++) {
        sb.append(t.requested(n, r)).append(',');
      }
      sb.append(" nz=")
          .append(t.nonZeroRequested(n, 0))
          .append(',')
          .append(t.nonZeroRequested(n, 1));
      if (versions) {
        sb.append(" v=").append(t.version(n));
      }
      sb.append(" pods=");
      for (PodSpec p : t.pods(n)) {
        sb.append(p.id()).append('#').append(t.bound(p.id()).sequence()).append(' ');
      }
      sb.append('\n');
    }
    for (LabelSelector s : SELECTORS) {
      sb.append(s)
          .append(' ')
          .append(Arrays.toString(t.matchingPodCounts(s)))
          .append(" zones=")
          .append(Arrays.toString(t.matchingPods(s).inDomains(NodeSpec.ZONE)))
          .append(" total=")
          .append(t.matchingPods(s).total())
          .append('\n');
    }
    // as a set: restore() re-lists a pod last (only membership matters to the filter)
    sb.append("anti-affinity=")
        .append(
            t.podsWithAntiAffinity().stream()
                .sorted(Comparator.comparingLong(BoundPod::sequence))
                .toList())
        .append('\n');
    if (versions) {
      sb.append("mod=")
          .append(t.modCount())
          .append(" changes=")
          .append(t.changeSequence())
          .append(" structure=")
          .append(t.structureVersion())
          .append('\n');
    }
    return sb.toString();
  }
}
