package io.platformsim.benchmarks;

import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.placement.FastScheduler;
import io.platformsim.scheduler.placement.NodeSampling;
import io.platformsim.scheduler.placement.Placement;
import io.platformsim.scheduler.placement.Policies;
import io.platformsim.scheduler.placement.ReferenceScheduler;
import io.platformsim.scheduler.placement.Scheduler;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.state.NodeTable;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Online placement throughput: each operation places one pod (exact full scan) and binds it, then
 * unbinds the oldest bound pod, so the cluster stays at about 70 % of its CPU allocated under
 * churn. {@code impl=reference} runs the plain plugin-object reference in the same run as the
 * baseline for {@code impl=fast}.
 *
 * <p>Cluster: {@code nodes} nodes of 16 CPU / 64 GiB / 110 pods in 3 zones, 4 cached images spread
 * over the nodes. Pods: 8 request shapes (250 m – 2 CPU, 512 MiB – 6 GiB), one of 20 app labels (so
 * k8s-default applies the system default topology spread), one image each.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PlacementBenchmark {
  /** Cluster size. */
  @Param({"100", "1000", "5000", "10000"})
  public int nodes;

  /** {@code fast} or {@code reference}. */
  @Param({"fast", "reference"})
  public String impl;

  /** A policy name from {@link Policies}. */
  @Param({"first-fit", "most-allocated", "least-allocated-balanced", "k8s-default"})
  public String profile;

  private static final String[][] SHAPES = {
    {"250m", "512Mi"}, {"500m", "1Gi"}, {"1", "2Gi"}, {"2", "4Gi"},
    {"500m", "3Gi"}, {"1", "6Gi"}, {"750m", "1536Mi"}, {"1500m", "2Gi"},
  };
  private static final String[] IMAGES = {"web:1", "api:2", "batch:3", "cache:4"};

  private NodeTable table;
  private Scheduler scheduler;
  private final ArrayDeque<PodSpec> bound = new ArrayDeque<>();
  private final ArrayDeque<PodSpec> free = new ArrayDeque<>();

  /** Builds the cluster and fills it to about 70 % CPU with random first-fitting binds. */
  @Setup(Level.Trial)
  public void setUp() {
    DimensionRegistry reg = DimensionRegistry.standard();
    table = new NodeTable(reg);
    Random rnd = new Random(42);
    for (int i = 0; i < nodes; i++) {
      NodeSpec.Builder b =
          NodeSpec.builder("node-" + i, reg)
              .allocatable("cpu", "16")
              .allocatable("memory", "64Gi")
              .allocatable("pods", "110")
              .zone("zone-" + (i % 3));
      for (int k = 0; k < IMAGES.length; k++) {
        if (rnd.nextInt(4) == 0) {
          b.image(IMAGES[k], (200L + 300L * k) << 20);
        }
      }
      table.addNode(b.build());
    }
    long capacity = 16_000L * nodes;
    long target = capacity * 70 / 100;
    long used = 0;
    int id = 0;
    while (used < target) {
      PodSpec p = pod(reg, rnd, id++);
      for (int attempt = 0; attempt < 20; attempt++) {
        int n = rnd.nextInt(nodes);
        if (fits(p, n)) {
          table.bind(p, n);
          bound.add(p);
          used += p.request(DimensionRegistry.CPU);
          break;
        }
      }
    }
    for (int i = 0; i < 1024; i++) {
      free.add(pod(reg, rnd, id++));
    }
    NodeSampling full = NodeSampling.fullScan();
    scheduler =
        impl.equals("fast")
            ? new FastScheduler(table, Policies.profile(profile), full, 1)
            : new ReferenceScheduler(table, Policies.profile(profile), full, 1);
  }

  private boolean fits(PodSpec p, int n) {
    for (int r = 0; r < table.dims(); r++) {
      if (table.requested(n, r) + p.request(r) > table.allocatable(n, r)) {
        return false;
      }
    }
    return true;
  }

  private static PodSpec pod(DimensionRegistry reg, Random rnd, int id) {
    String[] s = SHAPES[rnd.nextInt(SHAPES.length)];
    return PodSpec.builder("pod-" + id, reg)
        .label("app", "app-" + rnd.nextInt(20))
        .container("main", IMAGES[rnd.nextInt(IMAGES.length)], "cpu", s[0], "memory", s[1])
        .build();
  }

  /** Place + bind one pod, unbind the oldest: the cluster stays at about 70 % allocated. */
  @Benchmark
  public int placeWithChurn() {
    PodSpec p = free.poll();
    Placement pl = scheduler.place(p);
    if (pl.isScheduled()) {
      table.bind(p, pl.node());
      bound.add(p);
      PodSpec old = bound.poll();
      table.unbind(old.id());
      free.add(old);
    } else {
      free.add(p);
    }
    return pl.node();
  }
}
