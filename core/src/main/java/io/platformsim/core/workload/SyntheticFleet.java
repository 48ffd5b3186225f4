package io.platformsim.core.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A generated fleet of services of any size, for scale experiments: one parameter, the total number
 * of instances (pods on KuSP, machines on LeSP), and a seed. Same arguments ⇒ the same services,
 * field for field.
 *
 * <p>The size mix and the request/usage ratios are those of the default scenario's fleet ({@code
 * io.platformsim.core.experiment.DefaultScenario}), with one change so the tail can grow with the
 * fleet. Calibration ids refer to {@code reference/calibration.md}:
 *
 * <ul>
 *   <li><b>Heavy-tailed sizes.</b> Instances per service are Pareto with shape {@value
 *       #PARETO_SHAPE} from {@value #MIN_INSTANCES} (drawn by inversion, floored), capped at the
 *       larger of {@value #MIN_CAP} and {@value #CAP_SHARE_PERCENT}% of the fleet: a few large
 *       services, many small ones. Google's 2019 trace (U4) has the top 1% of jobs using over 99%
 *       of resources; this tail is milder, but unlike the default scenario's fixed cap of 40 it
 *       lets the largest services grow with the fleet (1,000 instances in a 100,000-instance
 *       fleet). Services are drawn until the total is reached; the last one is cut to land exactly
 *       on it, so {@link #totalInstances()} is exactly the parameter.
 *   <li><b>Requests above usage.</b> Request tiers are powers of two from 250m/512 MiB to 4 cores/8
 *       GiB with probabilities .35/.30/.20/.10/.05, memory halved for a quarter and doubled for a
 *       quarter of services (c5/m5/r5 memory per core). CPU usage is uniform in 10–60% of the
 *       request and memory usage in 20–70%: Datadog 2023 (U3) finds more than 65% of workloads use
 *       under half their requested CPU and memory; CAST AI 2024 (U2) measures 40% of requested CPU
 *       and 57% of requested memory unused; Twitter reservations ≈80% vs usage &lt;20% (P4). So
 *       usage ≤ request in both dimensions, always.
 *   <li><b>Runtimes.</b> A third each JVM (start 30–60 s), Ruby and Python (5–20 s), health check
 *       10 s, artifacts 20–200 MB; images are a shared 30 MB OS base layer, a shared runtime layer
 *       and the service's own application layer (assumptions, as in the default scenario).
 * </ul>
 *
 * <h2>Memory preflight</h2>
 *
 * Simulating a fleet holds every pod, node and machine in memory. {@link #checkHeap(long, long)}
 * compares {@link #estimatedHeapBytes(long, long)} (measured peak bytes per KuSP pod and per LeSP
 * machine, see the constants) with {@code Runtime.getRuntime().maxMemory()} and refuses a size that
 * would not fit with an {@link IllegalArgumentException} about memory, before anything is built,
 * instead of an {@link OutOfMemoryError} deep inside a run.
 *
 * <pre>{@code
 * SyntheticFleet fleet = SyntheticFleet.of(100_000, 7);   // 100,000 instances
 * fleet.services().size();                               // 8,810 services
 * SyntheticFleet.checkHeap(100_000, 10_000);             // throws if -Xmx is too small
 * }</pre>
 *
 * <p>Immutable; the service list is unmodifiable.
 */
public final class SyntheticFleet {

  /** Pareto shape of instances per service (as in the default scenario). */
  public static final double PARETO_SHAPE = 1.1;

  /** Pareto minimum: every generated service starts with at least this many instances. */
  public static final int MIN_INSTANCES = 2;

  /** The cap on instances per service is at least this (the default scenario's cap). */
  public static final int MIN_CAP = 40;

  /** The cap on instances per service grows to this percentage of the fleet. */
  public static final int CAP_SHARE_PERCENT = 1;

  /** Largest fleet accepted, in instances: 10 million (about a million services). */
  public static final int MAX_INSTANCES = 10_000_000;

  /**
   * Heap to budget per KuSP pod, bytes. Measured with {@code ScaleRun} (benchmarks module), JDK 17,
   * compressed oops, platform kusp alone, 100,000 pods: 1,085 B retained per pod after the run and
   * a full GC (session 3), and the smallest heap that completes the run was 140 MB (130 MB ran
   * out), about 1.4 KB per pod; the heap pools' peaks with a 4 GB G1 heap read 409 MB (3.5 KB per
   * pod over the base), mostly garbage a roomy heap collects late. Budgeted that peak, rounded up:
   * nearly three times what a run needs.
   */
  public static final long KUSP_PEAK_BYTES_PER_POD = 4_000;

  /**
   * Heap to budget per LeSP machine, bytes. Measured like {@link #KUSP_PEAK_BYTES_PER_POD},
   * platform lesp alone, {@code -Xmx4g}: at 100,000 machines (9,613 services) the heap pools' peaks
   * summed to 366 MB (3,660 B per machine) and the heap retained after the run and a full GC was
   * 156 MB (1,564 B per machine); budgeted the peak plus a third, rounded.
   */
  public static final long LESP_PEAK_BYTES_PER_MACHINE = 5_000;

  /** Heap kept free of the estimate for everything else (the JVM, JMH, the fleet's services). */
  public static final long BASE_HEAP_BYTES = Resources.bytesOfMib(64);

  private static final long MB = 1_000_000L;
  private static final ImageLayer BASE_OS = new ImageLayer("sha256:debian-12-slim", 30 * MB);
  private static final ImageLayer JRE = new ImageLayer("sha256:temurin-21-jre", 60 * MB);
  private static final ImageLayer RUBY = new ImageLayer("sha256:ruby-3.3", 50 * MB);
  private static final ImageLayer PYTHON = new ImageLayer("sha256:python-3.12", 45 * MB);
  // Request tiers (milli-CPU, MiB) with their probabilities: many small, few large.
  private static final long[][] TIERS = {
    {250, 512}, {500, 1024}, {1000, 2048}, {2000, 4096}, {4000, 8192}
  };
  private static final double[] TIER_WEIGHTS = {0.35, 0.30, 0.20, 0.10, 0.05};

  private final int totalInstances;
  private final long seed;
  private final int cap;
  private final List<Service> services;

  private SyntheticFleet(int totalInstances, long seed, int cap, List<Service> services) {
    this.totalInstances = totalInstances;
    this.seed = seed;
    this.cap = cap;
    this.services = Collections.unmodifiableList(services);
  }

  /**
   * A fleet of exactly {@code totalInstances} instances drawn from {@code seed}.
   *
   * @param totalInstances instances over all services, in [1, {@value #MAX_INSTANCES}]
   * @param seed any value; the same seed gives the same fleet
   * @throws IllegalArgumentException if {@code totalInstances} is out of range
   */
  public static SyntheticFleet of(int totalInstances, long seed) {
    if (totalInstances < 1 || totalInstances > MAX_INSTANCES) {
      throw new IllegalArgumentException(
          "totalInstances must be in [1, " + MAX_INSTANCES + "], was " + totalInstances);
    }
    int cap = capFor(totalInstances);
    RandomGenerator rng = new Well19937c(seed);
    List<Service> out = new ArrayList<>();
    int left = totalInstances;
    while (left > 0) {
      // Pareto(x_min, shape) by inversion: x = x_min / U^(1/shape), U in (0, 1].
      double u = 1 - rng.nextDouble();
      int drawn = (int) Math.min(cap, Math.floor(MIN_INSTANCES / Math.pow(u, 1 / PARETO_SHAPE)));
      int instances = Math.min(drawn, left);
      left -= instances;
      out.add(service(out.size() + 1, instances, rng));
    }
    return new SyntheticFleet(totalInstances, seed, cap, out);
  }

  /** The cap on instances per service for a fleet of {@code totalInstances}. */
  public static int capFor(int totalInstances) {
    return Math.max(MIN_CAP, (int) ((long) totalInstances * CAP_SHARE_PERCENT / 100));
  }

  private static Service service(int index, int instances, RandomGenerator rng) {
    String name = String.format(Locale.ROOT, "svc-%06d", index);
    long[] tier = TIERS[pick(rng.nextDouble())];
    double cpuShare = 0.10 + 0.50 * rng.nextDouble();
    double memShare = 0.20 + 0.50 * rng.nextDouble();
    int runtime = rng.nextInt(3);
    ImageLayer lang = runtime == 0 ? JRE : runtime == 1 ? RUBY : PYTHON;
    long artifact = (20 + rng.nextInt(181)) * MB;
    long startupSeconds = runtime == 0 ? 30 + rng.nextInt(31) : 5 + rng.nextInt(16);
    double shape = rng.nextDouble();
    long memory = shape < 0.25 ? tier[1] / 2 : shape < 0.75 ? tier[1] : tier[1] * 2;
    return Service.builder(name)
        .instances(instances)
        .request(Resources.of(tier[0], memory))
        // Math.max(1, ...) keeps a non-zero usage; floor of the share keeps usage <= request.
        .usage(
            Resources.of(
                Math.max(1, (long) (tier[0] * cpuShare)), Math.max(1, (long) (memory * memShare))))
        .artifactBytes(artifact)
        .startup(Duration.ofSeconds(startupSeconds))
        .healthCheck(Duration.ofSeconds(10))
        .image(
            ImageDescription.of(
                name + ":1", BASE_OS, lang, new ImageLayer("sha256:" + name + "-app-1", artifact)))
        .build();
  }

  private static int pick(double u) {
    double acc = 0;
    for (int i = 0; i < TIER_WEIGHTS.length; i++) {
      acc += TIER_WEIGHTS[i];
      if (u < acc) {
        return i;
      }
    }
    return TIER_WEIGHTS.length - 1;
  }

  /** Instances over all services: exactly the parameter given to {@link #of}. */
  public int totalInstances() {
    return totalInstances;
  }

  /** The seed it was drawn from. */
  public long seed() {
    return seed;
  }

  /** The cap on instances per service that applied ({@link #capFor}). */
  public int cap() {
    return cap;
  }

  /** The services, named {@code svc-000001}, {@code svc-000002}, ... in draw order. */
  public List<Service> services() {
    return services;
  }

  /** The services as a {@link Workload}. */
  public Workload workload() {
    return Workload.of(services);
  }

  /**
   * Estimated peak heap to simulate {@code pods} KuSP pods and {@code machines} LeSP machines at
   * once: {@link #BASE_HEAP_BYTES} + pods × {@link #KUSP_PEAK_BYTES_PER_POD} + machines × {@link
   * #LESP_PEAK_BYTES_PER_MACHINE}.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public static long estimatedHeapBytes(long pods, long machines) {
    if (pods < 0) {
      throw new IllegalArgumentException("pods must be >= 0, was " + pods);
    }
    if (machines < 0) {
      throw new IllegalArgumentException("machines must be >= 0, was " + machines);
    }
    return BASE_HEAP_BYTES
        + pods * KUSP_PEAK_BYTES_PER_POD
        + machines * LESP_PEAK_BYTES_PER_MACHINE;
  }

  /** {@link #checkHeap(long, long, long)} against this JVM's {@code Runtime.maxMemory()}. */
  public static void checkHeap(long pods, long machines) {
    checkHeap(pods, machines, Runtime.getRuntime().maxMemory());
  }

  /**
   * Refuses a size whose {@linkplain #estimatedHeapBytes estimated heap} exceeds {@code
   * maxHeapBytes}, with a message giving the estimate, its per-pod and per-machine basis and the
   * {@code -Xmx} that would do.
   *
   * @throws IllegalArgumentException if it would not fit, or a count is negative, or {@code
   *     maxHeapBytes} is not positive
   */
  public static void checkHeap(long pods, long machines, long maxHeapBytes) {
    if (maxHeapBytes <= 0) {
      throw new IllegalArgumentException("maxHeapBytes must be > 0, was " + maxHeapBytes);
    }
    long need = estimatedHeapBytes(pods, machines);
    if (need > maxHeapBytes) {
      long mib = Resources.BYTES_PER_MIB;
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "not enough memory: %,d pods and %,d machines need an estimated %,d MiB of heap "
                  + "(%,d B per pod, %,d B per machine, %,d MiB base) but the maximum heap is %,d MiB; "
                  + "run with -Xmx%dm or more, or simulate a smaller fleet",
              pods,
              machines,
              need / mib,
              KUSP_PEAK_BYTES_PER_POD,
              LESP_PEAK_BYTES_PER_MACHINE,
              BASE_HEAP_BYTES / mib,
              maxHeapBytes / mib,
              Resources.mibOfBytes(need)));
    }
  }

  @Override
  public String toString() {
    int largest = 0;
    for (Service s : services) {
      largest = Math.max(largest, s.instances());
    }
    return String.format(
        Locale.ROOT,
        "SyntheticFleet[%,d instances in %,d services, largest %,d, cap %,d, seed %d]",
        totalInstances,
        services.size(),
        largest,
        cap,
        seed);
  }
}
