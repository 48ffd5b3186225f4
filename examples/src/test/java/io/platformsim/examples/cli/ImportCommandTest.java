package io.platformsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.experiment.ScenarioFile;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code platformsim import}: the report's figures derived by hand from small manifests, the
 * fixtures of examples/fleet end to end through {@code compare}, and the bad-input contract (one
 * line naming file, document or line, field and value; exit 2; no output file).
 */
class ImportCommandTest {

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  /**
   * web: 3 replicas of 500m / 256Mi; api: 2 replicas whose container has no request at all; a
   * Service and a ConfigMap, which are skipped.
   */
  private Path smallManifests() throws IOException {
    return file(
        "app.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - {name: web, image: example/web:1, resources: {requests: {cpu: 500m, memory: 256Mi}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          replicas: 2
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec:
              containers:
              - {name: api, image: example/api:1}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}, ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: web-config}
        data: {a: b}
        """);
  }

  @Test
  void reportCountsWhatWasImportedBeforeTheFallback() throws IOException {
    Path out = dir.resolve("small.yaml");
    Invocation run =
        Invocation.platformsim(
            "import", "--json", "--manifests", smallManifests().toString(), "-o", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(1, run.out().trim().split("\n").length, run.out());
    // By hand: 2 workloads, 3 + 2 = 5 pods; as imported web asks 3 x 500m = 1500m and
    // 3 x 256 = 768 MiB, api nothing (its missing requests count 0 before the fallback).
    assertEquals("2", run.member("workloads"));
    assertEquals("5", run.member("pods"));
    assertEquals("1500", run.member("cpuMillis"));
    assertEquals("768", run.member("memoryMiB"));
    assertEquals("[\"default/api\"]", run.member("missingRequests"));
    assertTrue(run.out().contains("\"skipped\":{\"ConfigMap\":1,\"Service\":1}"), run.out());
    assertTrue(run.out().contains("\"derived\":["), run.out());
    assertTrue(Files.exists(out));

    // Again over the same file (--force) with another fallback: the figures as imported stay,
    // the scenario's api service asks the fallback (one container: 300m, 64 MiB).
    Invocation again =
        Invocation.platformsim(
            "import",
            "--manifests",
            dir.resolve("app.yaml").toString(),
            "--default-request",
            "cpu=300m,memory=64Mi",
            "--force",
            "-o",
            out.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertEquals("1500 (requests x replicas, as imported)", again.row("cpuMillis"));
    assertEquals(
        "1 (fallback cpu=300m,memory=64Mi per container): default/api", again.row("missing"));
    Service api =
        ScenarioFile.load(out).workload().services().stream()
            .filter(s -> s.name().equals("api"))
            .findFirst()
            .orElseThrow();
    assertEquals(Resources.of(300, 64), api.request());
  }

  @Test
  void importsTheExampleFleetAndCompareRunsTheFile() throws IOException {
    Path out = dir.resolve("fleet.yaml");
    Invocation run =
        Invocation.platformsim(
            "import",
            "--json",
            "--manifests",
            "fleet/manifests",
            "--inventory",
            "fleet/inventory/describe-instances.json",
            "fleet/inventory/describe-auto-scaling-groups.json",
            "fleet/inventory/inventory.csv",
            "--usage",
            "fleet/usage/percentiles.csv",
            "--map",
            "fleet/renames.csv",
            "-o",
            out.toString());
    assertEquals(0, run.exitCode(), run.err());
    // By hand from examples/fleet/README.md: machines 19 (describe-instances) + 3 web + 5 worker
    // (describe-auto-scaling-groups) + 3 legacy-billing + 4 reports (CSV) = 34; unmapped the
    // bastion and the untagged m5.xlarge.
    assertEquals("34", run.member("machines"));
    // 13 workloads, 2 of them DaemonSets (kusp.daemonSets, not services): 11 manifest services.
    // 8 inventory services; after renames.csv (checkout -> checkout.shop, payments ->
    // ledger.payments) 6 pair with a manifest service (checkout.shop, ledger.payments, search,
    // web, worker, catalog). So 11 + 8 - 6 = 13 services, 5 with LeSP derived and 2
    // (legacy-billing,
    // reports) with KuSP derived: 7 derived.
    assertEquals("13", run.member("workloads"));
    assertEquals("13", run.member("services"));
    assertEquals(7, run.member("derived").split("derived \\(").length - 1, run.out());
    assertTrue(Files.readString(out).contains("# reports: inventory "), "origin comments");
    Invocation compare =
        Invocation.platformsim("compare", "--quiet", "--replications", "1", out.toString());
    assertEquals(0, compare.exitCode(), compare.err());
    assertTrue(compare.out().contains("Scenario 'fleet'"), compare.out());
  }

  @Test
  void aUsageSeriesBecomesTheDailyLoadCurveOfItsService() throws IOException {
    Path out = dir.resolve("series.yaml");
    Invocation run =
        Invocation.platformsim(
            "import",
            "--json",
            "--manifests",
            "fleet/manifests",
            "--usage",
            "fleet/usage/series.csv",
            "--map",
            "fleet/renames.csv",
            "-o",
            out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("\"series\"", run.member("usage"));
    // series.csv: checkout uses (h + 1) x 0.05 cores at hour h of both days; the day's mean is
    // 0.05 x 12.5 = 0.625, so hour 0 is 0.05 / 0.625 = 0.08 of it and hour 1 0.16 (hourly steps).
    String yaml = Files.readString(out);
    assertTrue(yaml.contains("loadCurve:\n      service: checkout.shop\n"), yaml);
    assertTrue(yaml.contains("- {at: 0s, factor: 0.08"), yaml);
    assertTrue(yaml.contains("- {at: 1h, factor: 0.16"), yaml);
  }

  @Test
  void usageForAnUnknownServiceIsOneLineAndWritesNothing() {
    // Without the renames, series.csv's 'checkout' is on neither side (the manifest has
    // checkout.shop).
    Path out = dir.resolve("out.yaml");
    Invocation.platformsim(
            "import",
            "--manifests",
            "fleet/manifests",
            "--usage",
            "fleet/usage/series.csv",
            "-o",
            out.toString())
        .assertOneLineError("import", "'checkout'", "neither");
    assertFalse(Files.exists(out));
  }

  @Test
  void serviceTagChangesWhichMachinesMapToAService() {
    String inv = "fleet/inventory/describe-instances.json";
    // Default (tag 'service', then the auto-scaling group): checkout 6 + search 5 + catalog 4
    // (group tag) + payments 4 = 19 machines; the bastion and the untagged m5.xlarge are unmapped.
    Invocation dflt =
        Invocation.platformsim(
            "import", "--json", "--inventory", inv, "-o", dir.resolve("a.yaml").toString());
    assertEquals(0, dflt.exitCode(), dflt.err());
    assertEquals("19", dflt.member("machines"));
    assertEquals(2, dflt.out().split("\"i-", -1).length - 1, dflt.out());
    // Tag 'team': only search (team=discovery) and catalog (its group) map: 9; checkout 6,
    // payments 4 and the two others are unmapped: 12.
    Invocation team =
        Invocation.platformsim(
            "import",
            "--json",
            "--inventory",
            inv,
            "--service-tag",
            "team",
            "-o",
            dir.resolve("b.yaml").toString());
    assertEquals(0, team.exitCode(), team.err());
    assertEquals("9", team.member("machines"));
    assertEquals(12, team.out().split("\"i-", -1).length - 1, team.out());
  }

  @Test
  void refusesToOverwriteWithoutForce() throws IOException {
    Path out = file("kept.yaml", "hand-edited\n");
    Invocation run =
        Invocation.platformsim(
            "import", "--manifests", smallManifests().toString(), "-o", out.toString());
    run.assertOneLineError("import", "kept.yaml", "--force");
    assertEquals("hand-edited\n", Files.readString(out));
  }

  @Test
  void checksTheOutputBeforeReadingAnything() throws IOException {
    // The manifest is malformed, but the missing directory is reported first.
    Path bad = file("bad.yaml", "kind: [\n");
    Invocation.platformsim(
            "import", "--manifests", bad.toString(), "-o", dir.resolve("no/such/x.yaml").toString())
        .assertOneLineError("import", "-o", "no such directory");
    Invocation.platformsim("import", "--manifests", bad.toString())
        .assertOneLineError("import", "-o: required");
    Invocation.platformsim("import", "-o", dir.resolve("x.yaml").toString())
        .assertOneLineError("import", "--manifests or --inventory");
  }

  @Test
  void aBadManifestIsOneLineAndWritesNothing() throws IOException {
    Path bad =
        file(
            "bad.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers:
                  - {name: web, image: w, resources: {requests: {cpu: lots}}}
            """);
    Path out = dir.resolve("out.yaml");
    Invocation.platformsim("import", "--manifests", bad.toString(), "-o", out.toString())
        .assertOneLineError(
            "import",
            "bad.yaml#0",
            "spec.template.spec.containers[0].resources.requests.cpu",
            "lots");
    assertFalse(Files.exists(out));
  }

  @Test
  void malformedYamlAndAnEmptyDirectoryAreOneLineAndWriteNothing() throws IOException {
    Path out = dir.resolve("out.yaml");
    Path broken = file("broken.yaml", "kind: Deployment\n---\nkind: [Deployment\n");
    Invocation.platformsim("import", "--manifests", broken.toString(), "-o", out.toString())
        .assertOneLineError("import", "broken.yaml#1", "not YAML or JSON");
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Invocation.platformsim("import", "--manifests", empty.toString(), "-o", out.toString())
        .assertOneLineError("import", "empty", "no .yaml, .yml or .json file");
    assertFalse(Files.exists(out));
  }

  @Test
  void aBadRenamesFileIsOneLineAndWritesNothing() throws IOException {
    Path map = file("map.csv", "old,new\ncheckout,checkout.shop\n");
    Path out = dir.resolve("out.yaml");
    Invocation.platformsim(
            "import",
            "--manifests",
            smallManifests().toString(),
            "--map",
            map.toString(),
            "-o",
            out.toString())
        .assertOneLineError("import", "map.csv", "old,new");
    assertFalse(Files.exists(out));
  }

  @Test
  void anUnknownInstanceTypeInTheInventoryIsOneLineAndWritesNothing() throws IOException {
    Path inv = file("machines.csv", "service,instance_type,count\nweb,m5.large,2\nweb,m5.huge,1\n");
    Path out = dir.resolve("out.yaml");
    Invocation.platformsim(
            "import",
            "--manifests",
            smallManifests().toString(),
            "--inventory",
            inv.toString(),
            "-o",
            out.toString())
        .assertOneLineError("import", "machines.csv:3", "m5.huge");
    assertFalse(Files.exists(out));
  }

  @Test
  void inventoryAndUsageKindsAreToldApartByContent() throws IOException {
    Path out = dir.resolve("out.yaml");
    // JSON with neither AWS CLI key.
    Path json = file("inv.json", "{\"Machines\": []}\n");
    Invocation.platformsim(
            "import",
            "--manifests",
            smallManifests().toString(),
            "--inventory",
            json.toString(),
            "-o",
            out.toString())
        .assertOneLineError("import", "inv.json", "Reservations", "AutoScalingGroups");
    // A usage file with an unknown header names its line and the two expected headers.
    Path usage = file("usage.csv", "# exported\nservice,cpu\nweb,1\n");
    Invocation.platformsim(
            "import",
            "--manifests",
            smallManifests().toString(),
            "--usage",
            usage.toString(),
            "-o",
            out.toString())
        .assertOneLineError(
            "import", "usage.csv:2:", "header", "'service,cpu'", "timestamp,service");
    // A malformed series row names file, line, field and value.
    Path series =
        file("series.csv", "timestamp,service,cpu_cores,memory_bytes\nyesterday,web,1,100\n");
    Invocation.platformsim(
            "import",
            "--manifests",
            smallManifests().toString(),
            "--usage",
            series.toString(),
            "-o",
            out.toString())
        .assertOneLineError("import", "series.csv:2", "timestamp", "yesterday");
    assertFalse(Files.exists(out));
  }
}
