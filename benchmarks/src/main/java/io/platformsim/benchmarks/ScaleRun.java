package io.platformsim.benchmarks;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.experiment.DefaultScenario;
import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspIdentity;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.SyntheticFleet;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Locale;

/**
 * One scale operation, shared by {@link ScaleBenchmark} and a plain {@code main} for profiling:
 * generate a {@link SyntheticFleet}, deploy every service on LeSP and/or KuSP (each on its own
 * {@link Simulation}), run until nothing is pending, release version 2 of every service at once
 * and run again until every rollout is over. The fleet sizes come from issue 8: KuSP gets
 * {@link Size#pods} pods, LeSP a fleet of {@link Size#machines} instances (one per machine,
 * headroom 0), drawn from the same generator and seed.
 *
 * <p>KuSP: {@link #kuspConfig} (static nodes, see {@link #NODE_HEADROOM}); LeSP:
 * {@link LespConfig#defaults()}. Both simulations run dry. A rollout that cannot finish (a surge
 * pod that fits nowhere) stays in progress and is counted in {@link Result#rollouts()} but not
 * in {@link Result#completed()}.
 *
 * <pre>
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar io.platformsim.benchmarks.ScaleRun medium both
 * </pre>
 */
public final class ScaleRun {

  /** Fleet seed, fixed so every fork simulates the same fleet. */
  public static final long FLEET_SEED = 20_261_124L;
  /** Seed of the platforms' random streams. */
  public static final long RUN_SEED = 42L;

  /**
   * KuSP nodes above {@link Scenario#nodesFor} (which already adds 10% over the binding
   * resource). Why more: under the default LeastAllocated scoring small pods spread over every
   * node, so 4-core pods of the tail find no node with 4 free cores (20 of 1,000 pods Pending
   * with nodesFor alone); a surge pod of a 2-replica Deployment (maxUnavailable 25% rounds to 0)
   * then waits forever. The default scenario's scale-up-only autoscaler does not cure it either
   * (tried: 2,000 pods grew 292 to 699 nodes, 8 rollouts still stuck after 24 simulated hours)
   * and ticks forever, so the benchmark uses static nodes and runs each simulation dry.
   */
  public static final double NODE_HEADROOM = 1.25;

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
   * @param size           the size's name, or {@code "<pods>/<machines>"} for another size
   * @param which          the platforms
   * @param pods           KuSP pods (0 without KuSP)
   * @param nodes          KuSP nodes (0 without KuSP)
   * @param machines       LeSP machines (0 without LeSP)
   * @param services       services per platform (KuSP's fleet if it runs, else LeSP's)
   * @param events         events fired over both simulations
   * @param simMillis      simulated time summed over both simulations
   * @param wallNanos      wall time of the whole operation, fleet generation included
   * @param completed      rollouts that completed, over both platforms
   * @param rollouts       rollouts started, over both platforms
   * @param peakHeapBytes  sum of the heap pools' peaks during the operation (0 if not measured)
   * @param retainedBytes  heap used after the run and a full GC minus before (0 if not measured)
   */
  public record Result(String size, Which which, int pods, int nodes, int machines, int services, long events,
      long simMillis, long wallNanos, int completed, int rollouts, long peakHeapBytes, long retainedBytes) {

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
      return String.format(Locale.ROOT,
          "scale %s/%s: pods %,d on %,d nodes, machines %,d, services %,d; wall %.3f s, events %,d (%,.0f/s),"
              + " sim %.1f h (%,.0f sim-s per wall-s), rollouts %d/%d completed, peak heap %,d MB,"
              + " retained %,d MB (%,.0f B per %s)",
          size, which, pods, nodes, machines, services, wallNanos / 1e9, events, eventsPerSecond(),
          simMillis / 3.6e6, simSecondsPerWallSecond(), completed, rollouts, peakHeapBytes / 1_000_000,
          retainedBytes / 1_000_000, retainedPerInstance(), pods > 0 ? "pod" : "machine");
    }
  }

  private ScaleRun() {}

  /**
   * The KuSP configuration for {@code fleet}: {@link DefaultScenario#NODE} nodes in three zones,
   * {@link #NODE_HEADROOM} × {@link Scenario#nodesFor} of them, no cluster autoscaler, upstream
   * defaults otherwise.
   */
  public static KuspConfig kuspConfig(SyntheticFleet fleet) {
    KuspConfig base = KuspConfig.builder().nodeType(DefaultScenario.NODE).zones("a", "b", "c").build();
    int nodes = (int) Math.ceil(Scenario.nodesFor(fleet.workload(), base) * NODE_HEADROOM);
    return KuspConfig.builder().nodeType(DefaultScenario.NODE).zones("a", "b", "c").initialNodes(nodes)
        .identity(KuspIdentity.INSTANT.overlay(clusterCidrFor(nodes), POD_RANGE_PREFIX)).build();
  }

  /**
   * Per-node pod range of the scale runs: /25, 126 addresses, the smallest range that holds the
   * kubelet's 110 pods ({@link io.platformsim.core.kusp.NodeType#DEFAULT_MAX_PODS}).
   */
  public static final int POD_RANGE_PREFIX = 25;

  /**
   * An overlay cluster CIDR with a /25 range for each of {@code nodes} nodes (at least a /16).
   * Why not the default 10.0.0.0/16 with /24: that gives 256 nodes a range; every node after
   * that is billed but blocked (no pod address), which starved the first scale runs (36 of 292
   * nodes blocked at 2,000 pods). Medium and large are past upstream's supported envelope
   * (5,000 nodes, 150,000 pods: kubernetes.io "Considerations for large clusters"), so the
   * address space is simply made big enough; large needs 10.0.0.0/7.
   */
  static String clusterCidrFor(int nodes) {
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, nodes - 1));
    int prefix = Math.min(16, POD_RANGE_PREFIX - bits);
    return "10.0.0.0/" + prefix;
  }

  /**
   * Runs one operation. With {@code measureMemory}, resets the heap pools' peaks first and forces
   * full GCs before and after to measure retained heap (slower; the benchmark's timed operation
   * passes {@code false} and measures memory in a separate untimed invocation).
   *
   * @throws IllegalArgumentException if the size would not fit in this JVM's heap
   */
  public static Result run(Size size, Which which, boolean measureMemory) {
    return run(size.name(), size.pods, size.machines, which, measureMemory);
  }

  /**
   * {@link #run(Size, Which, boolean)} for any size: {@code pods} KuSP pods and {@code machines}
   * LeSP machines (only the counts of the platforms in {@code which} are used).
   *
   * @throws IllegalArgumentException if a count is out of {@link SyntheticFleet#of}'s range or
   *                                  the size would not fit in this JVM's heap
   */
  public static Result run(String label, int pods, int machines, Which which, boolean measureMemory) {
    SyntheticFleet.checkHeap(which.hasKusp() ? pods : 0, which.hasLesp() ? machines : 0);
    List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    long before = 0;
    if (measureMemory) {
      before = usedAfterGc();
      heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }
    long start = System.nanoTime();
    long events = 0;
    long simMillis = 0;
    int completed = 0;
    int rollouts = 0;
    int nodes = 0;
    int services = 0;
    LespPlatform lesp = null;
    KuspPlatform kusp = null;
    if (which.hasLesp()) {
      SyntheticFleet fleet = SyntheticFleet.of(machines, FLEET_SEED);
      Simulation sim = new Simulation();
      lesp = new LespPlatform(sim, RandomStreams.of(RUN_SEED, 0), LespConfig.defaults());
      releaseAll(sim, lesp::deploy, lesp::apply, fleet.services());
      events += sim.eventsFired();
      simMillis += sim.now();
      services = fleet.services().size();
      for (RolloutRecord r : lesp.rollouts()) {
        rollouts++;
        completed += r.outcome() == RolloutRecord.Outcome.COMPLETED ? 1 : 0;
      }
    }
    if (which.hasKusp()) {
      SyntheticFleet fleet = SyntheticFleet.of(pods, FLEET_SEED);
      KuspConfig config = kuspConfig(fleet);
      Simulation sim = new Simulation();
      KuspPlatform k = new KuspPlatform(sim, RandomStreams.of(RUN_SEED, 0), config);
      kusp = k;
      releaseAll(sim, k::deploy, k::apply, fleet.services());
      nodes = k.nodes().size();
      events += sim.eventsFired();
      simMillis += sim.now();
      services = fleet.services().size();
      for (RolloutRecord r : kusp.rollouts()) {
        rollouts++;
        completed += r.outcome() == RolloutRecord.Outcome.COMPLETED ? 1 : 0;
      }
    }
    long wall = System.nanoTime() - start;
    long peak = 0;
    long retained = 0;
    if (measureMemory) {
      for (MemoryPoolMXBean p : heapPools) {
        peak += p.getPeakUsage().getUsed();
      }
      retained = usedAfterGc() - before;
    }
    // Keep both platforms reachable until the retained heap has been measured.
    Reference.reachabilityFence(lesp);
    Reference.reachabilityFence(kusp);
    return new Result(label, which, which.hasKusp() ? pods : 0, nodes, which.hasLesp() ? machines : 0,
        services, events, simMillis, wall, completed, rollouts, peak, retained);
  }

  private static void releaseAll(Simulation sim, java.util.function.Consumer<Service> deploy,
      java.util.function.Consumer<Release> apply, List<Service> services) {
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
   * {@code ScaleRun [small|medium|large|<pods>] [lesp|kusp|both] [repeats]}: runs the operation
   * and prints each result, memory measured. A number of pods means that many KuSP pods and a
   * tenth as many LeSP machines, the ratio of the sizes.
   */
  public static void main(String[] args) {
    String size = args.length > 0 ? args[0] : Size.small.name();
    Which which = args.length > 1 ? Which.valueOf(args[1]) : Which.both;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    for (int i = 0; i < repeats; i++) {
      if (Character.isDigit(size.charAt(0))) {
        int pods = Integer.parseInt(size);
        System.out.println(run(pods + "/" + Math.max(1, pods / 10), pods, Math.max(1, pods / 10), which, true));
      } else {
        System.out.println(run(Size.valueOf(size), which, true));
      }
    }
  }
}
