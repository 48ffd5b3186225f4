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
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code examples/notebooks/identity.jsh} in a real jshell on the test class path and checks
 * every line it prints against figures derived here, independently of the identity module:
 *
 * <ul>
 *   <li>{@code max_nodes_overlay}: 10.0.0.0/16 split into /24 ranges: 2<sup>24−16</sup> = <b>256</b>.
 *   <li>{@code max_pods_m5_large}: m5.large has 3 ENIs × 10 IPv4 (awslabs/amazon-eks-ami
 *       eni-max-pods.txt): 3 × (10 − 1) + 2 = <b>29</b>.
 *   <li>{@code cert_issuance_per_hour}: 1000 pods renewing every 0.8 × 1 h: 1000 / 0.8 =
 *       <b>1250</b>.
 *   <li>{@code cert_startup_delay_max_seconds}: 1000 requests at once to an authority issuing 50
 *       per second (one per 20 ms): the last waits 999 × 20 ms = <b>19.98</b> s.
 *   <li>{@code blast_radius_max_node_role}: the node role holds the union of the services on its
 *       node, so the maximum over nodes of distinct services per node, counted below from the
 *       scheduler's own placements (same cluster, pods, profile and seed as the notebook).
 *   <li>{@code blast_radius_max_workload_identity}: one role per service, one resource per
 *       service: <b>1</b>.
 *   <li>{@code blast_radius_max_credential_proxy}: a node role that can assume every pod role
 *       reaches all <b>6</b> services.
 * </ul>
 */
class IdentityNotebookTest {

  private static final String[] SERVICES = {"cart", "catalog", "checkout", "payments", "search", "users"};

  @Test
  void notebookPrintsTheIndependentlyDerivedFigures() throws Exception {
    List<String> lines = runNotebook();
    int nodeRole = distinctServicesOnTheMostMixedNode();
    assertTrue(nodeRole >= 1 && nodeRole <= 6);
    assertEquals(List.of(
        "max_nodes_overlay: 256",
        "max_pods_m5_large: 29",
        "cert_issuance_per_hour: 1250",
        "cert_startup_delay_max_seconds: 19.98",
        "blast_radius_max_node_role: " + nodeRole,
        "blast_radius_max_workload_identity: 1",
        "blast_radius_max_credential_proxy: 6"), lines);
  }

  @Test
  void notebookDocumentsItsCommandAndEndsWithExit() throws Exception {
    String text = Files.readString(locate("notebooks/identity.jsh"));
    assertTrue(text.contains(
        "jshell --class-path examples/target/platformsim.jar examples/notebooks/identity.jsh"));
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    assertEquals("/exit", lines.get(lines.size() - 1));
  }

  /** Places the notebook's 60 pods with the scheduler and counts distinct services per node. */
  private static int distinctServicesOnTheMostMixedNode() {
    DimensionRegistry registry = DimensionRegistry.standard();
    NodeTable cluster = new NodeTable(registry);
    for (int i = 0; i < 6; i++) {
      cluster.addNode(NodeSpec.builder("node-" + i, registry).allocatable("cpu", "8")
          .allocatable("memory", "32Gi").allocatable("pods", "110").build());
    }
    FastScheduler scheduler = new FastScheduler(cluster, Policies.profile("k8s-default"), NodeSampling.adaptive(), 42);
    Map<String, Set<String>> servicesOn = new HashMap<>();
    int placed = 0;
    for (int s = 0; s < SERVICES.length; s++) {
      for (int i = 0; i < 10; i++) {
        PodSpec pod = PodSpec.builder(SERVICES[s] + "-" + i, registry).label("app", SERVICES[s])
            .request("cpu", (100 * (s + 1)) + "m", "memory", (512 * (s + 1)) + "Mi").build();
        Placement p = scheduler.placeAndBind(pod);
        assertTrue(p.isScheduled(), p.message());
        servicesOn.computeIfAbsent(p.nodeName(), k -> new HashSet<>()).add(SERVICES[s]);
        placed++;
      }
    }
    assertEquals(60, placed);
    return servicesOn.values().stream().mapToInt(Set::size).max().orElseThrow();
  }

  private static List<String> runNotebook() throws Exception {
    Path notebook = locate("notebooks/identity.jsh");
    // Surefire runs tests through a manifest-only jar; its real class path is in this property.
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path jshellBin = Path.of(System.getProperty("java.home"), "bin", "jshell");
    String jshell = Files.isExecutable(jshellBin) ? jshellBin.toString() : "jshell";
    Path err = Files.createTempFile("identity-notebook", ".err");
    ProcessBuilder pb = new ProcessBuilder(jshell, "--class-path", classPath,
        "-R-Dfile.encoding=UTF-8", notebook.toString());
    pb.redirectError(err.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "jshell did not finish");
    String stderr = Files.readString(err);
    Files.deleteIfExists(err);
    assertEquals(0, p.exitValue(), "jshell failed: " + stderr + out);
    assertTrue(stderr.isBlank(), "jshell reported: " + stderr);
    return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** The file relative to the examples module (Maven's working directory) or the repository root. */
  private static Path locate(String relative) {
    Path inModule = Path.of(relative);
    return Files.exists(inModule) ? inModule : Path.of("examples").resolve(relative);
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
  }
}
