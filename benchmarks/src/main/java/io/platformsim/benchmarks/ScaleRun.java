package io.platformsim.benchmarks;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.experiment.DefaultScenario;
import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.kusp.ClusterEnvelope;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspIdentity;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.SyntheticFleet;
import io.platformsim.core.workload.Workload;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One scale operation, shared by {@link ScaleBenchmark} and a plain {@code main} for profiling:
 * generate a {@link SyntheticFleet}, deploy every service on LeSP and/or KuSP (each on its own
 * {@link Simulation}), run until nothing is pending, release version 2 of every service at once and
 * run again until every rollout is over. The fleet sizes come from issue 8: KuSP gets {@link
 * Size#pods} pods, LeSP a fleet of {@link Size#machines} instances (one per machine, headroom 0),
 * drawn from the same generator and seed.
 *
 * <p>KuSP: one simulation per cluster ({@link #clusters}: clusters of at most 5,000 nodes), each
 * configured by {@link #kuspConfig} (static nodes, see {@link #NODE_HEADROOM}); LeSP: one
 * simulation, {@link LespConfig#defaults()}. Every simulation runs dry; they run in parallel. A
 * rollout that cannot finish (a surge pod that fits nowhere) stays in progress and is counted in
 * {@link Result#rollouts()} but not in {@link Result#completed()}.
 *
 * <pre>
 * java -XX:+UseParallelGC -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar io.platformsim.benchmarks.ScaleRun medium both
 * </pre>
 */
public final class ScaleRun {

  /** Fleet seed, fixed so every fork simulates the same fleet. */
  public static final long FLEET_SEED = 20_261_124L;

  /** Seed of the platforms' random streams. */
  public static final long RUN_SEED = 42L;

  /**
   * KuSP nodes above {@link Scenario#nodesFor} (which already adds 10% over the binding resource).
   * Why more: under the default LeastAllocated scoring small pods spread over every node, so 4-core
   * pods of the tail find no node with 4 free cores (20 of 1,000 pods Pending with nodesFor alone);
   * a surge pod of a 2-replica Deployment (maxUnavailable 25% rounds to 0) then waits forever. The
   * default scenario's scale-up-only autoscaler does not cure it either (tried: 2,000 pods grew 292
   * to 699 nodes, 8 rollouts still stuck after 24 simulated hours) and ticks forever, so the
   * benchmark uses static nodes and runs each simulation dry. Why 1.4: a fleet split into clusters
   * ({@link #clusters}) fragments more than one big cluster, each cluster having fewer nodes with
   * room for a 4-core pod; at medium (4 clusters) 1.25 left 69 of 9,613 rollouts stuck, 1.3 left
   * 13, 1.4 none (one big cluster needed 1.25).
   */
  public static final double NODE_HEADROOM = 1.4;

  /** The sizes of issue 8. */
  public enum Size {
    /** 1,000 KuSP pods, 100 LeSP machines. */
    small(1_000, 100),
    /** 100,000 KuSP pods on about 10,000 nodes, 10,000 LeSP machines. */
    medium(100_000, 10_000),
    /** 1,000,000 KuSP pods, 100,000 LeSP machines. */
    large(1_000_000, 100_000);

    /** KuSP pods. */
    public final int pods;

    /** LeSP machines. */
    public final int machines;

    Size(int pods, int machines) {
      this.pods = pods;
      this.machines = machines;
    }
  }

  /** Which platforms an operation builds. */
  public enum Which {
    /** LeSP alone. */
    lesp,
    /** KuSP alone. */
    kusp,
    /** Both, one after the other, each on its own simulation. */
    both;

    boolean hasLesp() {
      return this != kusp;
    }

    boolean hasKusp() {
      return this != lesp;
    }
  }

  /**
   * What one operation did and cost.
   *
   * @param size the size's name, or {@code "<pods>/<machines>"} for another size
   * @param which the platforms
   * @param pods KuSP pods (0 without KuSP)
   * @param nodes KuSP nodes over all clusters (0 without KuSP)
   * @param clusters KuSP clusters (0 without KuSP), see {@link #clusters(Workload)}
   * @param machines LeSP machines (0 without LeSP)
   * @param services services per platform (KuSP's fleet if it runs, else LeSP's)
   * @param events events fired over all simulations
   * @param simMillis simulated time summed over all simulations
   * @param wallNanos wall time of the whole operation, fleet generation included
   * @param threads simulations run at once
   * @param completed rollouts that completed, over both platforms
   * @param rollouts rollouts started, over both platforms
   * @param peakHeapBytes sum of the heap pools' peaks during the operation (0 if not measured)
   * @param retainedBytes heap used after the run and a full GC minus before, every simulation still
   *     reachable (0 if not measured)
   */
  public record Result(
      String size,
      Which which,
      int pods,
      int nodes,
      int clusters,
      int machines,
      int services,
      long events,
      long simMillis,
      long wallNanos,
      int threads,
      int completed,
      int rollouts,
      long peakHeapBytes,
      long retainedBytes) {

    /** Simulated events per wall second. */
    public double eventsPerSecond() {
      return events / (wallNanos / 1e9);
    }

    /** Simulated seconds per wall second. */
    public double simSecondsPerWallSecond() {
      return simMillis / 1e3 / (wallNanos / 1e9);
    }

    /** Retained bytes per pod (KuSP), else per machine. */
    public double retainedPerInstance() {
      return retainedBytes / (double) Math.max(1, pods > 0 ? pods : machines);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "scale %s/%s: pods %,d on %,d nodes in %d clusters, machines %,d, services %,d; wall %.3f s on %d threads,"
              + " events %,d (%,.0f/s), sim %.1f h (%,.0f sim-s per wall-s), rollouts %d/%d completed,"
              + " peak heap %,d MB, retained %,d MB (%,.0f B per %s)",
          size,
          which,
          pods,
          nodes,
          clusters,
          machines,
          services,
          wallNanos / 1e9,
          threads,
          events,
          eventsPerSecond(),
          simMillis / 3.6e6,
          simSecondsPerWallSecond(),
          completed,
          rollouts,
          peakHeapBytes / 1_000_000,
          retainedBytes / 1_000_000,
          retainedPerInstance(),
          pods > 0 ? "pod" : "machine");
    }
  }

  /**
   * One simulation's share of a {@link Result}; {@code platform} is kept only to measure memory.
   */
  private record Part(
      long events, long simMillis, int completed, int rollouts, int nodes, Object platform) {}

  private ScaleRun() {}

  /**
   * The KuSP configuration for one cluster running {@code workload}: {@link DefaultScenario#NODE}
   * nodes in three zones, {@link #NODE_HEADROOM} × {@link Scenario#nodesFor} of them, no cluster
   * autoscaler, upstream defaults otherwise.
   */
  public static KuspConfig kuspConfig(Workload workload) {
    int nodes = nodesFor(workload);
    return KuspConfig.builder()
        .nodeType(DefaultScenario.NODE)
        .zones("a", "b", "c")
        .initialNodes(nodes)
        .identity(KuspIdentity.INSTANT.overlay(clusterCidrFor(nodes), POD_RANGE_PREFIX))
        .build();
  }

  private static int nodesFor(Workload workload) {
    KuspConfig base =
        KuspConfig.builder().nodeType(DefaultScenario.NODE).zones("a", "b", "c").build();
    return (int) Math.ceil(Scenario.nodesFor(workload, base) * NODE_HEADROOM);
  }

  /**
   * The KuSP clusters {@code workload} runs on: as many as {@link ClusterEnvelope#UPSTREAM} needs
   * for its nodes ({@link #kuspConfig} sizing) and pods, the services dealt between them by {@link
   * Workload#split}, each cluster sized for its own share. One cluster up to 5,000 nodes (small: 1;
   * medium: 4 clusters for 17,428 nodes; large: 33 for 163,653). Why not one cluster: no one runs
   * 100,000 pods on one, and a single cluster past the envelope scores 5% of all its nodes per
   * placement, so the cost per event would grow with the fleet (see {@link ClusterEnvelope}).
   * Depends on the fleet only, never on the number of threads.
   */
  public static List<Workload> clusters(Workload workload) {
    return workload.split(
        ClusterEnvelope.UPSTREAM.clustersFor(nodesFor(workload), workload.instances()));
  }

  /**
   * Per-node pod range of the scale runs: /25, 126 addresses, the smallest range that holds the
   * kubelet's 110 pods ({@link io.platformsim.core.kusp.NodeType#DEFAULT_MAX_PODS}).
   */
  public static final int POD_RANGE_PREFIX = 25;

  /**
   * An overlay cluster CIDR with a /25 range for each of {@code nodes} nodes (at least a /16). Why
   * not the default 10.0.0.0/16 with /24: that gives 256 nodes a range; every node after that is
   * billed but blocked (no pod address), which starved the first scale runs (36 of 292 nodes
   * blocked at 2,000 pods). Medium and large are past upstream's supported envelope (5,000 nodes,
   * 150,000 pods: kubernetes.io "Considerations for large clusters"), so the address space is
   * simply made big enough; large needs 10.0.0.0/7.
   */
  static String clusterCidrFor(int nodes) {
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, nodes - 1));
    int prefix = Math.min(16, POD_RANGE_PREFIX - bits);
    return "10.0.0.0/" + prefix;
  }

  /**
   * Runs one operation on as many threads as there are processors. With {@code measureMemory},
   * resets the heap pools' peaks first and forces full GCs before and after to measure retained
   * heap (slower; the benchmark's timed operation passes {@code false} and measures memory in a
   * separate untimed invocation).
   *
   * @throws IllegalArgumentException if the size would not fit in this JVM's heap
   */
  public static Result run(Size size, Which which, boolean measureMemory) {
    return run(size.name(), size.pods, size.machines, which, measureMemory, processors());
  }

  /**
   * One operation for any size: {@code pods} KuSP pods and {@code machines} LeSP machines (only the
   * counts of the platforms in {@code which} are used). LeSP is one simulation; KuSP is one
   * simulation per cluster ({@link #clusters}), cluster {@code i} seeded with {@code
   * RandomStreams.of(RUN_SEED, i)}. The simulations are independent and run on up to {@code
   * threads} threads at once; every figure but the wall time is the same for any number of threads.
   * Without {@code measureMemory} a simulation is dropped once it has finished, so the heap holds
   * only the simulations running; with it, all are kept until the end and measured together.
   *
   * @throws IllegalArgumentException if a count is out of {@link SyntheticFleet#of}'s range, {@code
   *     threads} is below 1, or the simulations held at once would not fit in this JVM's heap
   */
  public static Result run(
      String label, int pods, int machines, Which which, boolean measureMemory, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    List<MemoryPoolMXBean> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    long before = 0;
    if (measureMemory) {
      before = usedAfterGc();
      heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }
    long start = System.nanoTime();
    List<Callable<Part>> tasks = new ArrayList<>();
    int services = 0;
    SyntheticFleet lespFleet = which.hasLesp() ? SyntheticFleet.of(machines, FLEET_SEED) : null;
    SyntheticFleet kuspFleet = which.hasKusp() ? SyntheticFleet.of(pods, FLEET_SEED) : null;
    List<Workload> parts = kuspFleet == null ? List.of() : clusters(kuspFleet.workload());
    // Refuse a fleet that does not fit before any platform is built.
    checkHeapFor(parts, which.hasLesp() ? machines : 0, measureMemory, threads);
    if (lespFleet != null) {
      services = lespFleet.services().size();
      tasks.add(() -> lesp(lespFleet.services(), measureMemory));
    }
    int clusters = parts.size();
    if (kuspFleet != null) {
      services = kuspFleet.services().size();
      for (int i = 0; i < parts.size(); i++) {
        Workload part = parts.get(i);
        int index = i;
        tasks.add(() -> kusp(part, index, measureMemory));
      }
    }
    List<Part> done = runAll(tasks, threads);
    long wall = System.nanoTime() - start;
    long events = 0;
    long simMillis = 0;
    int completed = 0;
    int rollouts = 0;
    int nodes = 0;
    for (Part p : done) {
      events += p.events();
      simMillis += p.simMillis();
      completed += p.completed();
      rollouts += p.rollouts();
      nodes += p.nodes();
    }
    long peak = 0;
    long retained = 0;
    if (measureMemory) {
      for (MemoryPoolMXBean p : heapPools) {
        peak += p.getPeakUsage().getUsed();
      }
      retained = usedAfterGc() - before;
    }
    // Keep every platform reachable until the retained heap has been measured.
    Reference.reachabilityFence(done);
    return new Result(
        label,
        which,
        which.hasKusp() ? pods : 0,
        nodes,
        clusters,
        which.hasLesp() ? machines : 0,
        services,
        events,
        simMillis,
        wall,
        Math.min(threads, Math.max(1, tasks.size())),
        completed,
        rollouts,
        peak,
        retained);
  }

  /**
   * {@link #run(String, int, int, Which, boolean, int)} on as many threads as there are processors.
   */
  public static Result run(
      String label, int pods, int machines, Which which, boolean measureMemory) {
    return run(label, pods, machines, which, measureMemory, processors());
  }

  private static int processors() {
    return Runtime.getRuntime().availableProcessors();
  }

  // The pods held at once: all of them when memory is measured, else the largest clusters that
  // can run at the same time.
  private static void checkHeapFor(List<Workload> parts, int machines, boolean all, int threads) {
    long[] sizes = new long[parts.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = parts.get(i).instances();
    }
    Arrays.sort(sizes);
    long held = 0;
    for (int i = sizes.length - 1; i >= 0 && (all || i >= sizes.length - threads); i--) {
      held += sizes[i];
    }
    SyntheticFleet.checkHeap(held, machines);
  }

  private static Part lesp(List<Service> services, boolean keep) {
    Simulation sim = new Simulation();
    LespPlatform lesp = new LespPlatform(sim, RandomStreams.of(RUN_SEED, 0), LespConfig.defaults());
    releaseAll(sim, lesp::deploy, lesp::apply, services);
    return part(sim, lesp.rollouts(), 0, keep ? lesp : null);
  }

  private static Part kusp(Workload cluster, int index, boolean keep) {
    Simulation sim = new Simulation();
    KuspPlatform k = new KuspPlatform(sim, RandomStreams.of(RUN_SEED, index), kuspConfig(cluster));
    releaseAll(sim, k::deploy, k::apply, cluster.services());
    return part(sim, k.rollouts(), k.nodes().size(), keep ? k : null);
  }

  private static Part part(
      Simulation sim, List<RolloutRecord> rollouts, int nodes, Object platform) {
    int completed = 0;
    for (RolloutRecord r : rollouts) {
      completed += r.outcome() == RolloutRecord.Outcome.COMPLETED ? 1 : 0;
    }
    return new Part(sim.eventsFired(), sim.now(), completed, rollouts.size(), nodes, platform);
  }

  // Runs the tasks on up to `threads` threads (the calling thread alone for 1), results in task
  // order; a task's failure is rethrown as it was.
  private static List<Part> runAll(List<Callable<Part>> tasks, int threads) {
    List<Part> out = new ArrayList<>(tasks.size());
    int poolSize = Math.min(threads, tasks.size());
    if (poolSize <= 1) {
      for (Callable<Part> t : tasks) {
        try {
          out.add(t.call());
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      return out;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            poolSize,
            r -> {
              Thread t = new Thread(r, "platformsim-scale");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Part>> futures = new ArrayList<>();
      for (Callable<Part> t : tasks) {
        futures.add(pool.submit(t));
      }
      for (Future<Part> f : futures) {
        try {
          out.add(f.get());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  private static void releaseAll(
      Simulation sim,
      java.util.function.Consumer<Service> deploy,
      java.util.function.Consumer<Release> apply,
      List<Service> services) {
    for (Service s : services) {
      deploy.accept(s);
    }
    sim.run();
    for (Service s : services) {
      apply.accept(Release.app(s.name(), "2"));
    }
    sim.run();
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    // Two collections: the first may only promote; take the lower reading.
    for (int i = 0; i < 2; i++) {
      System.gc();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }

  /**
   * {@code ScaleRun [small|medium|large|<pods>] [lesp|kusp|both] [repeats] [threads]}: runs the
   * operation and prints each result, memory measured. A number of pods means that many KuSP pods
   * and a tenth as many LeSP machines, the ratio of the sizes. Threads default to the
   * number of processors.
   */
  public static void main(String[] args) {
    String size = args.length > 0 ? args[0] : Size.small.name();
    Which which = args.length > 1 ? Which.valueOf(args[1]) : Which.both;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : processors();
    String label;
    int pods;
    int machines;
    if (Character.isDigit(size.charAt(0))) {
      pods = Integer.parseInt(size);
      machines = Math.max(1, pods / 10);
      label = pods + "/" + machines;
    } else {
      Size s = Size.valueOf(size);
      pods = s.pods;
      machines = s.machines;
      label = s.name();
    }
    boolean measureMemory = fitsWhole(pods, machines, which);
    if (!measureMemory) {
      System.out.println(MEMORY_NOT_MEASURED);
    }
    try {
      for (int i = 0; i < repeats; i++) {
        System.out.println(run(label, pods, machines, which, measureMemory, threads));
      }
    } catch (IllegalArgumentException e) {
      System.err.println("ScaleRun: " + e.getMessage());
      System.exit(2);
    }
  }

  /** Printed instead of a memory measurement when {@link #fitsWhole} is false. */
  static final String MEMORY_NOT_MEASURED =
      "memory not measured: every cluster held at once would not fit in -Xmx";

  /** Whether the whole fleet, every cluster held at once, passes the memory preflight. */
  static boolean fitsWhole(int pods, int machines, Which which) {
    try {
      SyntheticFleet.checkHeap(which.hasKusp() ? pods : 0, which.hasLesp() ? machines : 0);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
