package io.platformsim.fleet.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.experiment.ScenarioFile;
import io.platformsim.fleet.manifests.ImportedWorkloads;
import io.platformsim.fleet.manifests.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue 17 point 6: any generated set of Deployments survives manifests → workloads → scenario →
 * YAML → scenario unchanged. The manifests are generated as text, so the whole path runs: random
 * replicas, requests and limits, strategy fenceposts (counts and percentages, Recreate), a
 * PriorityClass, readiness and liveness probes, HPA, PDB and node selectors.
 */
class FleetRoundTripProperties {

  /** The workload part of one generated Deployment. */
  record Shape(
      int replicas,
      int cpuMillis,
      int memoryMib,
      boolean limits,
      String strategy,
      boolean priority) {}

  /** The probes, HPA, PDB and node selector of one generated Deployment. */
  record Extras(
      int probeDelay,
      int probePeriod,
      int probeSuccess,
      int hpaMin,
      int hpaSpan,
      String pdb,
      String selector) {}

  /** One generated Deployment (no probes when {@code probeDelay} < 0, no HPA when hpaMin is 0). */
  record Gen(Shape shape, Extras extras, String placement) {
    int replicas() {
      return shape.replicas();
    }
  }

  @Provide
  Arbitrary<List<Gen>> deployments() {
    Arbitrary<String> strategy =
        Arbitraries.of(
            "",
            "Recreate",
            "RollingUpdate 1 0",
            "RollingUpdate 0 1",
            "RollingUpdate 50% 25%",
            "RollingUpdate 100% 0%",
            "RollingUpdate 2 3");
    Arbitrary<Shape> shape =
        Combinators.combine(
                Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(1, 4000),
                Arbitraries.integers().between(1, 8192),
                Arbitraries.of(true, false),
                strategy,
                Arbitraries.of(true, false))
            .as(Shape::new);
    Arbitrary<Extras> extras =
        Combinators.combine(
                Arbitraries.integers().between(-1, 60),
                Arbitraries.integers().between(1, 30),
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 4),
                Arbitraries.of(
                    "",
                    "minAvailable: 1",
                    "minAvailable: \"50%\"",
                    "maxUnavailable: 1",
                    "maxUnavailable: \"30%\""),
                Arbitraries.of("", "disk: ssd", "disk: hdd", "topology.kubernetes.io/zone: b"))
            .as(Extras::new);
    return Combinators.combine(shape, extras, Arbitraries.of(PLACEMENTS))
        .as(Gen::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(6);
  }

  /**
   * Pod-spec placement snippets (NAME is the Deployment's name): none, anti-affinity per host on
   * its own app label, a zone spread, required and preferred node affinity, and an extra label with
   * an anti-affinity that also selects other generated Deployments by it.
   */
  static final List<String> PLACEMENTS =
      List.of(
          "",
          """
                affinity:
                  podAntiAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      - labelSelector:
                          matchLabels:
                            app: NAME
                        topologyKey: kubernetes.io/hostname
          """,
          """
                topologySpreadConstraints:
                  - maxSkew: 2
                    topologyKey: topology.kubernetes.io/zone
                    whenUnsatisfiable: ScheduleAnyway
                    labelSelector:
                      matchLabels:
                        app: NAME
          """,
          """
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                        - matchExpressions:
                            - {key: kubernetes.io/arch, operator: In, values: [amd64, arm64]}
                        - matchExpressions:
                            - {key: cpu-count, operator: Gt, values: ["3"]}
                    preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 20
                        preference:
                          matchExpressions:
                            - {key: disk, operator: Exists}
          """,
          """
                affinity:
                  podAntiAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      - labelSelector:
                          matchExpressions:
                            - {key: tier, operator: In, values: [web]}
                            - {key: app, operator: NotIn, values: [NAME]}
                        topologyKey: topology.kubernetes.io/zone
          """);

  static String manifest(List<Gen> gens, int priority) {
    StringBuilder y = new StringBuilder();
    y.append("apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: gen\n")
        .append("value: ")
        .append(priority)
        .append('\n');
    for (int i = 0; i < gens.size(); i++) {
      Gen g = gens.get(i);
      String name = "svc-" + i;
      y.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ")
          .append(name)
          .append("\nspec:\n  replicas: ")
          .append(g.replicas())
          .append('\n');
      if (g.shape().strategy().equals("Recreate")) {
        y.append("  strategy:\n    type: Recreate\n");
      } else if (!g.shape().strategy().isEmpty()) {
        String[] f = g.shape().strategy().split(" ");
        y.append("  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: ")
            .append(quoted(f[1]))
            .append("\n      maxUnavailable: ")
            .append(quoted(f[2]))
            .append('\n');
      }
      y.append("  selector:\n    matchLabels:\n      app: ").append(name).append('\n');
      y.append("  template:\n    metadata:\n      labels:\n        app: ")
          .append(name)
          .append('\n');
      if (g.placement().contains("tier")) {
        y.append("        tier: web\n");
      }
      y.append("    spec:\n");
      y.append(g.placement().replace("NAME", name));
      if (g.shape().priority()) {
        y.append("      priorityClassName: gen\n");
      }
      if (!g.extras().selector().isEmpty()) {
        y.append("      nodeSelector:\n        ").append(g.extras().selector()).append('\n');
      }
      y.append("      containers:\n        - name: app\n          image: example/")
          .append(name)
          .append(":1\n          resources:\n            requests:\n              cpu: ")
          .append(g.shape().cpuMillis())
          .append("m\n              memory: ")
          .append(g.shape().memoryMib())
          .append("Mi\n");
      if (g.shape().limits()) {
        y.append("            limits:\n              cpu: ")
            .append(2 * g.shape().cpuMillis())
            .append("m\n              memory: ")
            .append(g.shape().memoryMib())
            .append("Mi\n");
      }
      if (g.extras().probeDelay() >= 0) {
        String probe =
            String.format(
                Locale.ROOT,
                "            httpGet: {path: /, port: 8080}\n            initialDelaySeconds: %d\n"
                    + "            periodSeconds: %d\n",
                g.extras().probeDelay(),
                g.extras().probePeriod());
        y.append("          readinessProbe:\n")
            .append(probe)
            .append("            successThreshold: ")
            .append(g.extras().probeSuccess())
            .append('\n');
        y.append("          livenessProbe:\n").append(probe);
      }
      if (g.extras().hpaMin() > 0) {
        y.append("---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n")
            .append("  name: ")
            .append(name)
            .append("\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n")
            .append("    name: ")
            .append(name)
            .append("\n  minReplicas: ")
            .append(g.extras().hpaMin())
            .append("\n  maxReplicas: ")
            .append(g.extras().hpaMin() + g.extras().hpaSpan())
            .append(
                "\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n"
                    + "        target:\n          type: Utilization\n          averageUtilization: ")
            .append(40 + 10 * g.extras().hpaSpan())
            .append('\n');
      }
      if (!g.extras().pdb().isEmpty()) {
        y.append("---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ")
            .append(name)
            .append("\nspec:\n  ")
            .append(g.extras().pdb())
            .append("\n  selector:\n    matchLabels:\n      app: ")
            .append(name)
            .append('\n');
      }
    }
    return y.toString();
  }

  private static String quoted(String v) {
    return v.endsWith("%") ? "\"" + v + "\"" : v;
  }

  @Property(tries = 25)
  void anyGeneratedFleetSurvivesTheRoundTrip(
      @ForAll("deployments") List<Gen> gens,
      @ForAll @IntRange(min = -1000, max = 1_000_000_000) int priority)
      throws IOException {
    Path dir = Files.createTempDirectory("fleet-roundtrip");
    try {
      Path file = dir.resolve("generated.yaml");
      Files.writeString(file, manifest(gens, priority));
      ImportedWorkloads w = new ManifestReader().read(file);
      assertEquals(gens.size(), w.workloads().size());
      ImportedFleet f = FleetImport.builder("generated").manifests(w).build();
      Scenario s = f.scenario();
      assertEquals(s, ScenarioFile.parse(f.yaml(), "generated.yaml"));
      // and the workloads are the manifests': replicas and requests as written
      List<Integer> replicas = new ArrayList<>();
      s.workload().services().forEach(x -> replicas.add(x.instances()));
      assertEquals(gens.stream().map(Gen::replicas).toList(), replicas);
      // and the details are in the Deployment specs: priority, HPA bounds, node selector
      for (int i = 0; i < gens.size(); i++) {
        Gen g = gens.get(i);
        var spec = s.kusp().deployment("svc-" + i);
        assertEquals(g.shape().priority() ? priority : 0, spec.priority());
        if (g.extras().hpaMin() > 0) {
          assertEquals(g.extras().hpaMin(), spec.autoscaling().minReplicas());
          assertEquals(
              g.extras().hpaMin() + g.extras().hpaSpan(), spec.autoscaling().maxReplicas());
        }
        // placement: the manifest's app label is the service's own here (same name), so every
        // term comes through as written
        assertEquals(
            g.placement().contains("tier") ? Map.of("tier", "web") : Map.of(), spec.labels());
        assertEquals(
            g.placement().contains("podAntiAffinity") ? 1 : 0, spec.podAntiAffinity().size());
        assertEquals(
            g.placement().contains("topologySpread") ? 1 : 0, spec.topologySpread().size());
        assertEquals(
            g.placement().contains("nodeSelectorTerms") ? 2 : 0,
            spec.requiredNodeAffinity().size());
        assertEquals(
            g.placement().contains("preferred") ? 1 : 0, spec.preferredNodeAffinity().size());
        String sel = g.extras().selector();
        if (!sel.isEmpty()) {
          String[] kv = sel.split(": ");
          assertEquals(java.util.Map.of(kv[0], kv[1]), spec.nodeSelector());
        }
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }
}
