package io.platformsim.benchmarks;

import io.platformsim.scheduler.packing.Fit;
import io.platformsim.scheduler.packing.FitHeuristic;
import io.platformsim.scheduler.packing.LowerBound;
import io.platformsim.scheduler.packing.MinimumBinSlack;
import io.platformsim.scheduler.packing.PackingInstance;
import io.platformsim.scheduler.packing.PackingResult;
import io.platformsim.scheduler.packing.SizeMeasure;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Offline first-fit decreasing of {@value #ITEMS} one-dimensional items, reported as items per
 * second ({@link OperationsPerInvocation}: one operation = one item packed).
 *
 * <p>The items are Falkenauer "uniform" class sizes, integers uniform in [20, 100] with bin
 * capacity 150 (Falkenauer 1996), drawn with a fixed seed; FFD needs about 40,000 bins for them.
 *
 * <ul>
 *   <li>{@code ffd}: the library's FFD: stable merge sort of item indices, then the max-tree over
 *       bin residuals (leftmost bin that fits in O(log bins)), then both lower bounds, the whole
 *       {@link PackingResult} included.
 *   <li>{@code ffdScan}: the baseline in the same run, the same FFD with the plain first-fit scan
 *       over the open bins, O(n · bins); it must give the same assignment (property-tested).
 *   <li>{@code bfd}: best fit decreasing with the ordered set of (residual, bin) keys.
 *   <li>{@code lowerBound}: L1 and L2 alone, to show their share of {@code ffd}.
 *   <li>{@code mbs}: minimum bin slack on the first 10,000 items only (it is O(n · bins) by
 *       nature), for scale.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PackingBenchmark {

  /** Items per instance. */
  static final int ITEMS = 100_000;

  /** Items for the {@code mbs} benchmark. */
  static final int MBS_ITEMS = 10_000;

  private PackingInstance instance;
  private PackingInstance small;
  private FitHeuristic ffd;
  private FitHeuristic ffdScan;
  private FitHeuristic bfd;
  private MinimumBinSlack mbs;

  /** Draws the items and builds the algorithms. */
  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(150L);
    long[] sizes = new long[ITEMS];
    for (int i = 0; i < ITEMS; i++) {
      sizes[i] = 20 + rng.nextInt(81);
    }
    instance = PackingInstance.oneDimensional(150, sizes);
    small = PackingInstance.oneDimensional(150, java.util.Arrays.copyOf(sizes, MBS_ITEMS));
    ffd = FitHeuristic.of(Fit.FIRST, true, SizeMeasure.SUM);
    ffdScan = ffd.withReferenceScan();
    bfd = FitHeuristic.of(Fit.BEST, true, SizeMeasure.SUM);
    mbs = MinimumBinSlack.defaults();
  }

  /** The library's FFD (max-tree). */
  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public PackingResult ffd() {
    return ffd.pack(instance);
  }

  /** Baseline: the same FFD with the plain O(n · bins) scan. */
  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public PackingResult ffdScan() {
    return ffdScan.pack(instance);
  }

  /** Best fit decreasing (ordered set). */
  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public PackingResult bfd() {
    return bfd.pack(instance);
  }

  /** The lower bounds alone. */
  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public LowerBound lowerBound() {
    return LowerBound.of(instance);
  }

  /** Minimum bin slack on 10,000 items. */
  @Benchmark
  @OperationsPerInvocation(MBS_ITEMS)
  public PackingResult mbs() {
    return mbs.pack(small);
  }
}
