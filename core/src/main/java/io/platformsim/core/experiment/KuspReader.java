package io.platformsim.core.experiment;

import io.platformsim.core.kusp.ClusterAutoscaling;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.NodeType;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Workload;
import io.platformsim.core.yaml.YamlFileException;
import io.platformsim.core.yaml.YamlList;
import io.platformsim.core.yaml.YamlMapping;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code kusp} section of a scenario file: node type, zones, scheduler profile, initial
 * nodes ({@code auto} sizes the cluster for the workload) and the cluster autoscaler ({@code false}
 * turns it off; its timings are {@link ClusterAutoscaling}'s upstream defaults); {@link
 * KuspNodeReader} reads what a node reserves, provisioning and image pulls, {@link
 * KuspControlPlaneReader} the scheduler's and the control plane's timings.
 */
final class KuspReader {

  private static final List<String> KUSP =
      List.of(
          "nodeType",
          "initialNodes",
          "zones",
          "autoscaler",
          "schedulerProfile",
          "reserved",
          "daemonSets",
          "nodeProvisioning",
          "imagePulls",
          "scheduling",
          "controlPlane",
          "nodePools",
          "expander");
  private static final List<String> NODE_TYPE =
      List.of("name", "cpu", "memory", "price", "maxPods", "disk");
  private static final List<String> AUTOSCALER =
      List.of(
          "min",
          "max",
          "scaleDownAfter",
          "scanInterval",
          "scaleDownDelayAfterAdd",
          "scaleDownUtilizationThreshold");

  private KuspReader() {}

  /**
   * The KuSP configuration of {@code section} with the file's identity; absent, the defaults sized
   * for {@code workload} ({@link Scenario#sized}).
   */
  static KuspConfig read(
      Optional<YamlMapping> section, Workload workload, IdentityReader identity) {
    KuspConfig.Builder b = KuspConfig.builder();
    b.identity(identity.kusp(b.build().identity()));
    if (section.isEmpty()) {
      return Scenario.sized(b.build(), workload);
    }
    YamlMapping m = section.get();
    m.only(KUSP);
    Optional<YamlMapping> nt = m.mapping("nodeType");
    if (nt.isPresent()) {
      b.nodeType(nodeType(nt.get()));
    }
    Optional<YamlList> zones = m.list("zones");
    if (zones.isPresent()) {
      List<String> z = zones.get().names();
      if (z.isEmpty() || new HashSet<>(z).size() != z.size()) {
        throw m.error("zones", "must be a non-empty list of distinct names, was " + z);
      }
      b.zones(z.toArray(new String[0]));
    }
    if (m.has("schedulerProfile")) {
      b.schedulerProfile(m.text("schedulerProfile"));
    }
    // The node type once more (read and checked above) for the reservation checks.
    KuspNodeReader.read(m, b, nt.map(KuspReader::nodeType).orElse(NodeType.GENERIC), workload);
    KuspControlPlaneReader.read(m, b);
    NodePoolReader.read(m, b);
    KuspConfig base;
    try {
      base = b.build();
    } catch (IllegalArgumentException e) {
      throw m.error("", e.getMessage());
    }
    int initial = Scenario.nodesFor(workload, base);
    if (m.has("initialNodes") && !m.text("initialNodes").trim().equals("auto")) {
      initial = m.integer("initialNodes", 0, 100_000, null);
    }
    b.initialNodes(initial);
    b.clusterAutoscaling(autoscaler(m, initial));
    return b.build();
  }

  /** A {@code nodeType} mapping (of {@code kusp} or of a node pool). */
  static NodeType nodeType(YamlMapping n) {
    n.only(NODE_TYPE);
    try {
      return new NodeType(
          n.string("name", null),
          Resources.of(
              n.read("cpu", Units.MILLI_CPU, null), n.read("memory", Units.MEMORY_MIB, null)),
          n.read("disk", Units.BYTES, NodeType.GENERIC.diskBytes()),
          n.decimal("price", null),
          n.integer("maxPods", 1, 10_000, NodeType.DEFAULT_MAX_PODS));
    } catch (YamlFileException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw n.error("", e.getMessage());
    }
  }

  /**
   * Absent: between half and three times the initial nodes; {@code false}: none; else {min, max,
   * scaleDownAfter}.
   */
  private static ClusterAutoscaling autoscaler(YamlMapping m, int initial) {
    if (!m.has("autoscaler")) {
      return Scenario.autoscalerAround(initial);
    }
    if (m.scalar("autoscaler").filter("false"::equals).isPresent()) {
      return null;
    }
    YamlMapping a = m.requiredMapping("autoscaler");
    a.only(AUTOSCALER);
    int min = a.integer("min", 0, 100_000, 0);
    int max = a.integer("max", 1, 100_000, null);
    if (max < min) {
      throw a.error("max", "must be >= min " + min + ", was " + max);
    }
    long unneeded =
        a.read("scaleDownAfter", Units.DURATION, ClusterAutoscaling.DEFAULT_UNNEEDED_MILLIS);
    long scan =
        a.read("scanInterval", Units.DURATION, ClusterAutoscaling.DEFAULT_SCAN_INTERVAL_MILLIS);
    if (scan < 1) {
      throw a.error("scanInterval", "must be at least 1ms, was '" + a.text("scanInterval") + "'");
    }
    long delay =
        a.read(
            "scaleDownDelayAfterAdd",
            Units.DURATION,
            ClusterAutoscaling.DEFAULT_DELAY_AFTER_ADD_MILLIS);
    double threshold =
        a.decimal(
            "scaleDownUtilizationThreshold", ClusterAutoscaling.DEFAULT_UTILIZATION_THRESHOLD);
    if (!(threshold > 0 && threshold <= 1)) {
      throw a.error("scaleDownUtilizationThreshold", "must be in (0, 1], was " + threshold);
    }
    return new ClusterAutoscaling(min, max, scan, unneeded, delay, threshold);
  }
}
