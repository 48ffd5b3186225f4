package io.platformsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code platformsim plan}: node counts derived by hand from the catalogue (m5.large 2 vCPU / 8 GiB
 * at $0.096/h, m5.xlarge 4 vCPU / 16 GiB at $0.192/h; AWS us-east-1 on-demand) and KuSP's
 * allocatable (capacity minus the 100 MiB eviction threshold, kube- and system-reserved 0).
 */
class PlanCommandTest {

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static String deployment(String name, int replicas, String cpu, String memory) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s}
        spec:
          replicas: %d
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers:
              - name: app
                image: example/%s:1
                resources: {requests: {cpu: %s, memory: %s}}
        """
        .formatted(name, replicas, name, name, name, cpu, memory);
  }

  private static String daemonSet(String name, String cpu, String memory) {
    return """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: %s, namespace: kube-system}
        spec:
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              nodeSelector: {kubernetes.io/os: linux}
              containers:
              - name: agent
                image: example/%s:1
                resources: {requests: {cpu: %s, memory: %s}}
        """
        .formatted(name, name, name, name, cpu, memory);
  }

  /** Ten pods of 1 CPU and 1 GiB each. */
  private Path tenPods() throws IOException {
    return file("web.yaml", deployment("web", 10, "1", "1Gi"));
  }

  @Test
  void tenOneCpuPodsNeedFiveLargeAndThreeXlargeNodes() throws IOException {
    Invocation run =
        Invocation.platformsim(
            "plan", "--manifests", tenPods().toString(), "--node-type", "m5.large,m5.xlarge");
    assertEquals(0, run.exitCode(), run.err());
    // m5.large: room 2000m / 8092 MiB -> 2 pods a node by CPU -> 10 / 2 = 5 nodes; the volume
    // bound is ceil(10 x 1000 / 2000) = 5, so the gap is 0. $/h 5 x 0.096 = 0.48, month x 730
    // = 350.40; CPU allocation 10000 / (5 x 2000) = 100%, memory 10240 / (5 x 8192) = 25%.
    assertArrayEquals(
        new double[] {5, 5, 0, 0.0, 0.48, 350.40, 100.0, 25.0}, run.numbers("m5.large"), 1e-9);
    // m5.xlarge: room 4000m -> 4 pods a node -> ceil(10 / 4) = 3 nodes (4, 4, 2); bound
    // ceil(10000 / 4000) = 3. $/h 3 x 0.192 = 0.576, month 420.48; CPU 10000 / 12000 = 83.3%,
    // memory 10240 / (3 x 16384) = 20.8%.
    assertArrayEquals(
        new double[] {3, 3, 0, 0.0, 0.576, 420.48, 83.3, 20.8}, run.numbers("m5.xlarge"), 1e-9);
    assertTrue(
        run.row("workloads").startsWith("1 (10 pods to place; DaemonSets on every node: 0,"),
        run.out());
  }

  @Test
  void daemonSetOverheadLowersEveryNodesRoom() throws IOException {
    file("web.yaml", deployment("web", 10, "1", "1Gi"));
    file(
        "agents.yaml",
        daemonSet("logs", "50m", "64Mi") + "---\n" + daemonSet("net", "50m", "64Mi"));
    Invocation run =
        Invocation.platformsim(
            "plan", "--manifests", dir.toString(), "--node-type", "m5.large,m5.xlarge");
    assertEquals(0, run.exitCode(), run.err());
    // m5.large: room 2000 - 100 = 1900m, so only one 1000m pod a node: 10 nodes. Every pod is
    // larger than half the room, so the Martello-Toth bound is 10 too: proven optimal.
    double[] large = run.numbers("m5.large");
    assertEquals(10, large[0]);
    assertEquals(10, large[1]);
    assertEquals(0, large[2]);
    // m5.xlarge: room 3900m holds 3 pods (4 x 1000 > 3900): ceil(10 / 3) = 4 nodes, one more
    // than without the DaemonSets. The nodeSelector of the DaemonSets is ignored.
    assertEquals(4, run.numbers("m5.xlarge")[0]);
    assertTrue(
        run.out()
            .contains(
                "room per node m5.large: 1900m CPU, 7964 MiB, 108 pods (allocatable 2000m CPU,"
                    + " 8092 MiB minus DaemonSets 100m CPU, 128 MiB)"),
        run.out());
    assertTrue(
        run.row("workloads")
            .startsWith("3 (10 pods to place; DaemonSets on every node: 2, 100m CPU, 128 MiB)"),
        run.out());
  }

  @Test
  void aPodLargerThanANodeNamesTheWorkloadOnThatTypesRow() throws IOException {
    file("web.yaml", deployment("web", 2, "1", "1Gi") + "---\n" + deployment("big", 1, "3", "2Gi"));
    Invocation run =
        Invocation.platformsim(
            "plan", "--manifests", dir.toString(), "--node-type", "m5.large,m5.xlarge");
    assertEquals(0, run.exitCode(), run.err());
    // 3 CPU is more than m5.large's 2000m; m5.xlarge holds 1 + 3 and 1 CPU: 2 nodes (4000m each,
    // total 5000m -> bound 2).
    assertTrue(
        run.row("m5.large").startsWith("does not fit: Deployment default/big asks 3000m CPU"),
        run.out());
    assertEquals(2, run.numbers("m5.xlarge")[0]);
  }

  @Test
  void aMissingRequestTakesTheDefaultRequest() throws IOException {
    Path noRequests =
        file("bare.yaml", deployment("bare", 10, "1", "1Gi").replace("resources:", "x-resources:"));
    // The scheduler's non-zero default, 100m and 200 MiB a container: 10 pods = 1000m, 2000 MiB:
    // one m5.large (room 2000m, 8092 MiB).
    Invocation dflt =
        Invocation.platformsim(
            "plan", "--manifests", noRequests.toString(), "--node-type", "m5.large");
    assertEquals(0, dflt.exitCode(), dflt.err());
    assertEquals(1, dflt.numbers("m5.large")[0]);
    assertEquals(
        "1 (fallback cpu=100m,memory=200Mi per container): default/bare", dflt.row("missing"));
    // With 1 CPU a container: the ten 1-CPU pods of the first test, 5 nodes.
    Invocation given =
        Invocation.platformsim(
            "plan",
            "--manifests",
            noRequests.toString(),
            "--default-request",
            "cpu=1,memory=1Gi",
            "--node-type",
            "m5.large");
    assertEquals(0, given.exitCode(), given.err());
    assertEquals(5, given.numbers("m5.large")[0]);
    Invocation.platformsim(
            "plan",
            "--manifests",
            noRequests.toString(),
            "--default-request",
            "cpu=1,disk=2Gi",
            "--node-type",
            "m5.large")
        .assertOneLineError("plan", "--default-request", "disk");
  }

  @Test
  void jsonIsOneObjectWithAMemberPerType() throws IOException {
    Invocation run =
        Invocation.platformsim(
            "plan", "--json", "--manifests", tenPods().toString(), "--node-type", "m5.large");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(1, run.out().trim().split("\n").length, run.out());
    assertEquals("1", run.member("workloads"));
    assertEquals("10", run.member("pods"));
    assertEquals("5", run.member("nodes"));
    assertEquals("5", run.member("lowerBound"));
    assertEquals("0.48", run.member("costPerHour"));
    assertEquals("350.4", run.member("costPerMonth"));
    assertEquals("730.0", run.member("hoursPerMonth"));
    assertTrue(run.out().contains("\"nodeTypes\":{\"m5.large\":{\"fits\":true"), run.out());
  }

  @Test
  void anUnknownTypeIsOneLineNamingItAndSomeKnownOnes() throws IOException {
    Invocation run =
        Invocation.platformsim(
            "plan", "--manifests", tenPods().toString(), "--node-type", "m5.large,m5.huge");
    run.assertOneLineError("plan", "m5.huge", "m5.large", "m5.xlarge");
    assertEquals("", run.out());
  }

  @Test
  void aBadManifestIsOneLineNamingFileDocumentAndField() throws IOException {
    Path bad =
        file(
            "bad.yaml",
            deployment("ok", 1, "1", "1Gi") + "---\n" + deployment("web", 2, "1", "12XB"));
    Invocation run =
        Invocation.platformsim("plan", "--manifests", bad.toString(), "--node-type", "m5.large");
    run.assertOneLineError(
        "plan", "bad.yaml#1", "spec.template.spec.containers[0].resources.requests.memory", "12XB");
  }

  @Test
  void anEmptyDirectoryAndMissingOptionsAreOneLine() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Invocation.platformsim("plan", "--manifests", empty.toString(), "--node-type", "m5.large")
        .assertOneLineError("plan", "empty", "no .yaml");
    Invocation.platformsim("plan", "--node-type", "m5.large")
        .assertOneLineError("plan", "--manifests");
    Invocation.platformsim("plan", "--manifests", empty.toString())
        .assertOneLineError("plan", "--node-type");
  }

  @Test
  void helpListsPlanAndImport() {
    Invocation run = Invocation.platformsim("--help");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("\n  plan "), run.out());
    assertTrue(run.out().contains("\n  import "), run.out());
  }

  @Test
  void anUnfitTypeIsInTheJsonWithItsReasons() throws IOException {
    file("web.yaml", deployment("big", 1, "3", "2Gi"));
    Invocation run =
        Invocation.platformsim(
            "plan", "--json", "--manifests", dir.toString(), "--node-type", "m5.large");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("false", run.member("fits"));
    assertEquals("0", run.member("nodes"));
    assertTrue(run.member("unfit").contains("Deployment default/big asks 3000m CPU"), run.out());
  }

  @Test
  void plansTheExampleFleet() {
    Invocation run =
        Invocation.platformsim(
            "plan", "--manifests", "fleet/manifests", "--node-type", "m5.xlarge");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.numbers("m5.xlarge")[0] >= 1, run.out());
  }
}
