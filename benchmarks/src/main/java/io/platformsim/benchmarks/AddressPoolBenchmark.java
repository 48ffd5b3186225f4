package io.platformsim.benchmarks;

import io.platformsim.identity.ipam.AddressPool;
import io.platformsim.identity.ipam.Cidr;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Address churn at steady occupancy, the IPAM hot path of a pod-churning cluster: a pool of a
 * {@code /prefix} block held 90% full; each operation releases a random held address and allocates
 * the lowest free one, so occupancy stays constant.
 *
 * <p>{@code pool=identity} is {@link AddressPool} (bitmap words with a lowest-possibly-free hint,
 * no allocation per operation). The baselines run in the same benchmark on the same pre-generated
 * random picks: {@code pool=treeset}, a {@link TreeSet} of free addresses ({@code pollFirst} /
 * {@code add}, boxing per operation), the textbook sorted free list; and {@code pool=bitset}, a
 * {@link BitSet} searched with {@code nextClearBit(0)} from the start every time (the same data
 * structure without the hint).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AddressPoolBenchmark {

  private static final int PICKS = 1 << 16;

  /** Prefix length of the block: 20 (4 094 usable), 16 (65 534), 12 (1 048 574). */
  @Param({"20", "16", "12"})
  public int prefix;

  /** Which allocator: {@code identity}, {@code treeset} or {@code bitset}. */
  @Param({"identity", "treeset", "bitset"})
  public String pool;

  private int[] picks;
  private int cursor;
  private long[] held;
  private AddressPool identity;
  private TreeSet<Long> free;
  private BitSet used;
  private long base;
  // The allocator as an int, so the hot loop does not compare strings.
  private int kind;

  /** Fills the allocator under test to 90% and pre-generates the random picks. */
  @Setup
  public void setUp() {
    Cidr cidr = Cidr.parse("10.0.0.0/" + prefix);
    int capacity = (int) cidr.size() - 2;
    base = cidr.first() + 1;
    held = new long[capacity * 9 / 10];
    SplittableRandom rng = new SplittableRandom(42);
    picks = new int[PICKS];
    for (int i = 0; i < PICKS; i++) {
      picks[i] = rng.nextInt(held.length);
    }
    kind =
        switch (pool) {
          case "identity" -> 0;
          case "treeset" -> 1;
          case "bitset" -> 2;
          default -> throw new IllegalArgumentException("unknown pool " + pool);
        };
    switch (pool) {
      case "identity" -> {
        identity = new AddressPool(cidr, 1, 1);
        for (int i = 0; i < held.length; i++) {
          held[i] = identity.allocate();
        }
      }
      case "treeset" -> {
        free = new TreeSet<>();
        for (int i = 0; i < capacity; i++) {
          free.add(base + i);
        }
        for (int i = 0; i < held.length; i++) {
          held[i] = free.pollFirst();
        }
      }
      case "bitset" -> {
        used = new BitSet(capacity);
        for (int i = 0; i < held.length; i++) {
          int b = used.nextClearBit(0);
          used.set(b);
          held[i] = base + b;
        }
      }
      default -> throw new IllegalArgumentException("unknown pool " + pool);
    }
    // Scatter the free addresses first, so the benchmark measures the steady state rather than
    // a pool whose free addresses are all at the top.
    for (int i = 0; i < held.length; i++) {
      churn();
    }
  }

  /** One release of a random held address and one allocation. */
  @Benchmark
  public long churn() {
    int i = picks[cursor++ & (PICKS - 1)];
    long released = held[i];
    long got;
    switch (kind) {
      case 0 -> {
        identity.release(released);
        got = identity.allocate();
      }
      case 1 -> {
        free.add(released);
        got = free.pollFirst();
      }
      default -> {
        used.clear((int) (released - base));
        int b = used.nextClearBit(0);
        used.set(b);
        got = base + b;
      }
    }
    held[i] = got;
    return got;
  }
}
