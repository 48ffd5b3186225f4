package io.platformsim.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a generated set of Kubernetes manifests for the import benchmark: {@code workloads}
 * workloads spread over namespaces, one multi-document YAML file per namespace (the shape of {@code
 * helm template} output), in the style of a real fleet.
 *
 * <p>Per workload, drawn from a seeded {@link SplittableRandom} (same seed, same files, byte for
 * byte): 80% Deployments, 12% StatefulSets, 4% DaemonSets, 2% ReplicaSets, 2% bare Pods; 1 to 3 app
 * containers; an init container for 30%, a sidecar ({@code restartPolicy: Always} init container)
 * for 15%; no resources at all on 5% of the containers; probes, node selectors, tolerations,
 * required anti-affinity and a topology spread constraint on some. Attached documents: a Service
 * for every non-Pod workload, an autoscaling/v2 HorizontalPodAutoscaler for 30% of the Deployments,
 * a policy/v1 PodDisruptionBudget for 25% of the workloads, a ConfigMap for 20%; every namespace
 * has a LimitRange and every fourth file a PriorityClass.
 *
 * @param workloads workloads written
 * @param files files written
 * @param documents documents written (every kind)
 * @param services Service documents (skipped by the importer)
 * @param configMaps ConfigMap documents (skipped)
 * @param autoscalers HPAs, each attached to its Deployment
 * @param budgets PDBs, each selecting its workload's pods
 */
public record ManifestCorpus(
    int workloads,
    int files,
    int documents,
    int services,
    int configMaps,
    int autoscalers,
    int budgets) {

  /** Workloads per namespace file. */
  static final int PER_FILE = 250;

  /**
   * Writes the manifests into {@code dir} (which must exist).
   *
   * @param workloads how many workloads
   * @param seed the random seed
   * @return what was written
   */
  public static ManifestCorpus write(Path dir, int workloads, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] counts = new int[6];
    int files = 0;
    for (int first = 0; first < workloads; first += PER_FILE) {
      String namespace = String.format("team-%03d", files);
      StringBuilder y = new StringBuilder(PER_FILE * 2_000);
      y.append("---\n# Source: team/templates/limitrange.yaml\n")
          .append("apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: ")
          .append(namespace)
          .append("\nspec:\n  limits:\n    - type: Container\n      defaultRequest:\n")
          .append("        cpu: 100m\n        memory: 128Mi\n      default:\n")
          .append("        cpu: 500m\n        memory: 512Mi\n");
      counts[0]++;
      if (files % 4 == 0) {
        y.append("---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n")
            .append("  name: ")
            .append(namespace)
            .append("-high\nvalue: ")
            .append(1000 + files)
            .append('\n');
        counts[0]++;
      }
      int last = Math.min(workloads, first + PER_FILE);
      for (int i = first; i < last; i++) {
        workload(y, rng, namespace, String.format("svc-%05d", i), files % 4 == 0, counts);
      }
      try {
        Files.writeString(dir.resolve(namespace + ".yaml"), y);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      files++;
    }
    int documents = counts[0] + workloads + counts[1] + counts[2] + counts[3] + counts[4];
    return new ManifestCorpus(
        workloads, files, documents, counts[1], counts[2], counts[3], counts[4]);
  }

  private static void workload(
      StringBuilder y,
      SplittableRandom rng,
      String namespace,
      String name,
      boolean hasPriorityClass,
      int[] counts) {
    int roll = rng.nextInt(100);
    String kind =
        roll < 80
            ? "Deployment"
            : roll < 92
                ? "StatefulSet"
                : roll < 96 ? "DaemonSet" : roll < 98 ? "ReplicaSet" : "Pod";
    boolean pod = kind.equals("Pod");
    String indent = pod ? "" : "    ";
    y.append("---\n# Source: team/templates/").append(name).append(".yaml\n");
    y.append("apiVersion: ").append(pod ? "v1" : "apps/v1").append('\n');
    y.append("kind: ").append(kind).append("\nmetadata:\n  name: ").append(name);
    y.append("\n  namespace: ").append(namespace).append('\n');
    if (pod) {
      y.append("  labels:\n    app: ").append(name).append('\n');
    } else {
      y.append("spec:\n");
      if (!kind.equals("DaemonSet")) {
        y.append("  replicas: ").append(1 + rng.nextInt(6)).append('\n');
      }
      if (kind.equals("StatefulSet")) {
        y.append("  serviceName: ").append(name).append('\n');
      }
      if (kind.equals("Deployment") && rng.nextInt(3) == 0) {
        y.append("  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n")
            .append("      maxSurge: 1\n      maxUnavailable: 0\n");
      }
      y.append("  selector:\n    matchLabels:\n      app: ").append(name).append('\n');
      y.append("  template:\n    metadata:\n      labels:\n        app: ").append(name);
      y.append("\n        tier: ").append(rng.nextBoolean() ? "web" : "backend").append('\n');
    }
    y.append(indent).append("spec:\n");
    String s = indent + "  ";
    if (hasPriorityClass && rng.nextInt(4) == 0) {
      y.append(s).append("priorityClassName: ").append(namespace).append("-high\n");
    }
    if (rng.nextInt(5) == 0) {
      y.append(s).append("nodeSelector:\n").append(s).append("  kubernetes.io/arch: amd64\n");
    }
    if (rng.nextInt(8) == 0) {
      y.append(s).append("tolerations:\n").append(s).append("  - key: dedicated\n");
      y.append(s).append("    operator: Equal\n").append(s).append("    value: batch\n");
      y.append(s).append("    effect: NoSchedule\n");
    }
    if (!pod && rng.nextInt(5) == 0) {
      y.append(s).append("affinity:\n").append(s).append("  podAntiAffinity:\n");
      y.append(s).append("    requiredDuringSchedulingIgnoredDuringExecution:\n");
      y.append(s).append("      - labelSelector:\n").append(s).append("          matchLabels:\n");
      y.append(s).append("            app: ").append(name).append('\n');
      y.append(s).append("        topologyKey: kubernetes.io/hostname\n");
    }
    if (!pod && rng.nextInt(5) == 0) {
      y.append(s).append("topologySpreadConstraints:\n").append(s).append("  - maxSkew: 1\n");
      y.append(s).append("    topologyKey: topology.kubernetes.io/zone\n");
      y.append(s).append("    whenUnsatisfiable: ScheduleAnyway\n");
      y.append(s).append("    labelSelector:\n").append(s).append("      matchLabels:\n");
      y.append(s).append("        app: ").append(name).append('\n');
    }
    boolean init = rng.nextInt(10) < 3;
    boolean sidecar = rng.nextInt(20) < 3;
    if (init || sidecar) {
      y.append(s).append("initContainers:\n");
      if (init) {
        container(y, rng, s, "migrate", "registry.example.com/" + name + "-migrate:1.0", null);
      }
      if (sidecar) {
        container(y, rng, s, "proxy", "envoyproxy/envoy:v1.31.0", "Always");
      }
    }
    y.append(s).append("containers:\n");
    int apps = 1 + rng.nextInt(3);
    for (int c = 0; c < apps; c++) {
      String image = "registry.example.com/" + namespace + "/" + name + "-" + c + ":2." + c;
      container(y, rng, s, c == 0 ? "app" : "helper-" + c, image, null);
      if (c == 0 && rng.nextBoolean()) {
        y.append(s).append("    readinessProbe:\n").append(s).append("      httpGet:\n");
        y.append(s).append("        path: /ready\n").append(s).append("        port: 8080\n");
        y.append(s).append("      periodSeconds: 5\n");
      }
    }
    if (!pod) {
      counts[1]++;
      y.append("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ").append(name);
      y.append("\n  namespace: ").append(namespace).append("\nspec:\n  selector:\n    app: ");
      y.append(name).append("\n  ports:\n    - port: 80\n      targetPort: 8080\n");
    }
    if (rng.nextInt(5) == 0) {
      counts[2]++;
      y.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ").append(name);
      y.append("-config\n  namespace: ").append(namespace).append("\ndata:\n  LOG_LEVEL: info\n");
    }
    if (kind.equals("Deployment") && rng.nextInt(10) < 3) {
      counts[3]++;
      y.append("---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n")
          .append("  name: ")
          .append(name)
          .append("\n  namespace: ")
          .append(namespace)
          .append("\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n")
          .append("    name: ")
          .append(name)
          .append("\n  minReplicas: 2\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n")
          .append("      resource:\n        name: cpu\n        target:\n")
          .append("          type: Utilization\n          averageUtilization: 70\n");
    }
    if (rng.nextInt(4) == 0) {
      counts[4]++;
      y.append("---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ")
          .append(name)
          .append("\n  namespace: ")
          .append(namespace)
          .append("\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: ")
          .append(name)
          .append('\n');
    }
  }

  private static void container(
      StringBuilder y,
      SplittableRandom rng,
      String s,
      String name,
      String image,
      String restartPolicy) {
    y.append(s).append("  - name: ").append(name).append('\n');
    y.append(s).append("    image: ").append(image).append('\n');
    if (restartPolicy != null) {
      y.append(s).append("    restartPolicy: ").append(restartPolicy).append('\n');
    }
    if (rng.nextInt(20) == 0) {
      return; // no resources: the namespace's LimitRange fills them in
    }
    int cpu = 50 * (1 + rng.nextInt(40));
    int memory = 64 * (1 + rng.nextInt(64));
    y.append(s).append("    resources:\n").append(s).append("      requests:\n");
    y.append(s).append("        cpu: ").append(cpu).append("m\n");
    y.append(s).append("        memory: ").append(memory).append("Mi\n");
    if (rng.nextBoolean()) {
      y.append(s).append("      limits:\n");
      y.append(s).append("        memory: ").append(memory * 2).append("Mi\n");
    }
  }
}
