package io.platformsim.examples.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.placement.FastScheduler;
import io.platformsim.scheduler.placement.NodeSampling;
import io.platformsim.scheduler.placement.Placement;
import io.platformsim.scheduler.placement.Policies;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code examples/notebooks/identity.jsh} in a real jshell on the test class path and checks
 * every line it prints against figures derived here, independently of the identity module:
 *
 * <ul>
 *   <li>{@code max_nodes_overlay}: 10.0.0.0/16 split into /24 ranges: 2<sup>24−16</sup> =
 *       <b>256</b>.
 *   <li>{@code max_pods_m5_large}: m5.large has 3 ENIs × 10 IPv4 (awslabs/amazon-eks-ami
 *       eni-max-pods.txt): 3 × (10 − 1) + 2 = <b>29</b>.
 *   <li>{@code cert_issuance_per_hour}: 1000 pods renewing every 0.8 × 1 h: 1000 / 0.8 =
 *       <b>1250</b>.
 *   <li>{@code cert_startup_delay_max_seconds}: 1000 requests at once to an authority issuing 50
 *       per second (one per 20 ms): the last waits 999 × 20 ms = <b>19.98</b> s.
 *   <li>{@code blast_radius_max_node_role}: the node role holds the union of the services on its
 *       node, so the maximum over nodes of distinct services per node, counted below from the
 *       scheduler's own placements (same cluster, pods, profile and seed as the notebook).
 *   <li>{@code blast_radius_max_workload_identity}: one role per service, one resource per service:
 *       <b>1</b>.
 *   <li>{@code blast_radius_max_credential_proxy}: a node role that can assume every pod role
 *       reaches all <b>6</b> services.
 * </ul>
 */
class IdentityNotebookTest {

  private static final String[] SERVICES = {
    "cart", "catalog", "checkout", "payments", "search", "users"
  };

  @Test
  void notebookPrintsTheIndependentlyDerivedFigures() throws Exception {
    List<String> lines = Notebook.named("identity.jsh").run();
    int nodeRole = distinctServicesOnTheMostMixedNode();
    assertTrue(nodeRole >= 1 && nodeRole <= 6);
    assertEquals(
        List.of(
            "max_nodes_overlay: 256",
            "max_pods_m5_large: 29",
            "cert_issuance_per_hour: 1250",
            "cert_startup_delay_max_seconds: 19.98",
            "blast_radius_max_node_role: " + nodeRole,
            "blast_radius_max_workload_identity: 1",
            "blast_radius_max_credential_proxy: 6"),
        lines);
  }

  @Test
  void notebookDocumentsItsCommandAndEndsWithExit() throws Exception {
    Notebook.named("identity.jsh").assertDocumentsItsCommandAndEndsWithExit();
  }

  /** Places the notebook's 60 pods with the scheduler and counts distinct services per node. */
  private static int distinctServicesOnTheMostMixedNode() {
    DimensionRegistry registry = DimensionRegistry.standard();
    NodeTable cluster = new NodeTable(registry);
    for (int i = 0; i < 6; i++) {
      cluster.addNode(
          NodeSpec.builder("node-" + i, registry)
              .allocatable("cpu", "8")
              .allocatable("memory", "32Gi")
              .allocatable("pods", "110")
              .build());
    }
    FastScheduler scheduler =
        new FastScheduler(cluster, Policies.profile("k8s-default"), NodeSampling.adaptive(), 42);
    Map<String, Set<String>> servicesOn = new HashMap<>();
    int placed = 0;
    for (int s = 0; s < SERVICES.length; s++) {
      for (int i = 0; i < 10; i++) {
        PodSpec pod =
            PodSpec.builder(SERVICES[s] + "-" + i, registry)
                .label("app", SERVICES[s])
                .request("cpu", (100 * (s + 1)) + "m", "memory", (512 * (s + 1)) + "Mi")
                .build();
        Placement p = scheduler.placeAndBind(pod);
        assertTrue(p.isScheduled(), p.message());
        servicesOn.computeIfAbsent(p.nodeName(), k -> new HashSet<>()).add(SERVICES[s]);
        placed++;
      }
    }
    assertEquals(60, placed);
    return servicesOn.values().stream().mapToInt(Set::size).max().orElseThrow();
  }
}
