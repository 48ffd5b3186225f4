package io.platformsim.benchmarks;

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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 8's scale benchmark: one operation generates a synthetic fleet, builds it on LeSP and/or
 * KuSP and runs a release of every service to completion ({@link ScaleRun#run}). Single-shot: the
 * score is the wall time of one whole operation, JIT warm-up included in the first iteration and
 * excluded by the warm-up iterations.
 *
 * <ul>
 *   <li>{@code size}: small = 1,000 KuSP pods / 100 LeSP machines; medium = 100,000 pods on 17,428
 *       nodes in 4 clusters / 10,000 machines; large = 1,000,000 pods on 163,653 nodes in 33
 *       clusters / 100,000 machines (clusters of up to 5,000 nodes: {@link ScaleRun#clusters}). A
 *       size whose estimated heap exceeds {@code -Xmx} fails at once with {@link
 *       io.platformsim.core.workload.SyntheticFleet#checkHeap(long, long) a memory message}; pick
 *       combinations with {@code -p}.
 *   <li>{@code platform}: lesp, kusp or both (the target is on both; the single ones
 *       attribute the time).
 * </ul>
 *
 * <p>The simulations of one operation (LeSP, each KuSP cluster) run on as many threads as there are
 * processors; every figure but the wall time is the same on any number of threads ({@code ScaleRun
 * main}'s fourth argument runs them on fewer).
 *
 * <p>Events, simulated time and memory are not JMH scores: at the end of each fork one extra,
 * untimed operation measures the peak heap (heap pools' peaks) and the heap retained after a full
 * GC with every simulation held (skipped when that would not fit in the heap), and prints a {@code
 * scale ...} line with events/s and simulated seconds per wall second (see {@link
 * ScaleRun.Result#toString()}). Run with {@code -prof gc} for allocation rates.
 *
 * <p>Forks run with the throughput collector ({@code -XX:+UseParallelGC}): a simulation is a batch
 * job whose state grows to hundreds of MB, and G1's young pauses copying it cost 1–2.5 s per medium
 * operation on 2 cores (medium/both warm, session 3: 4.1–5.9 s with G1, 2.4–4.4 s with Parallel).
 * Override with {@code -jvmArgsAppend -XX:+UseG1GC} to compare.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ScaleBenchmark -p size=medium -p platform=both
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 3,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class ScaleBenchmark {

  /** Fleet size. */
  @Param({"small", "medium", "large"})
  public String size;

  /** Platforms built. */
  @Param({"both", "lesp", "kusp"})
  public String platform;

  /** One whole operation: generate, deploy, release every service, run to completion. */
  @Benchmark
  public ScaleRun.Result operation() {
    return ScaleRun.run(ScaleRun.Size.valueOf(size), ScaleRun.Which.valueOf(platform), false);
  }

  /** One extra untimed operation with memory measured; prints its result line. */
  @TearDown(Level.Trial)
  public void memory() {
    ScaleRun.Size s = ScaleRun.Size.valueOf(size);
    ScaleRun.Which w = ScaleRun.Which.valueOf(platform);
    System.out.println();
    // Measuring retained heap holds every cluster at once; large does not fit that in -Xmx4g.
    System.out.println(
        ScaleRun.fitsWhole(s.pods, s.machines, w)
            ? ScaleRun.run(s, w, true)
            : ScaleRun.MEMORY_NOT_MEASURED);
  }
}
