package io.platformsim.benchmarks;

import io.platformsim.core.engine.EventQueue;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
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
 * The classic hold model (Jones, "An empirical comparison of priority-queue and event-set
 * implementations", CACM 1986): with {@code pending} events in the queue, each operation removes
 * the earliest event and adds one at its time plus a random increment, so the queue size stays
 * constant. This is the steady-state hot loop of every discrete-event simulation.
 *
 * <p>{@code queue=engine} is the engine's {@link EventQueue} (indexed 4-ary heap over primitive
 * arrays, long handles). {@code queue=jdk} is the textbook alternative in the same run: a {@link
 * PriorityQueue} of immutable event objects (time, sequence) with a comparator on both, a new
 * object per scheduled event as a simulator built on it would allocate. Both draw increments from
 * the same pre-generated array (exponential, mean 10 s in whole milliseconds, so ties occur and the
 * sequence tie-break is exercised), so both pay the same for randomness.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventQueueBenchmark {

  private static final int INCREMENTS = 1 << 16;
  private static final double MEAN_INCREMENT_MILLIS = 10_000;

  /** Number of events held in the queue. */
  @Param({"1000", "100000", "1000000"})
  public int pending;

  /** Which queue: {@code engine} or {@code jdk}. */
  @Param({"engine", "jdk"})
  public String queue;

  private long[] increments;
  private int cursor;

  private EventQueue engine;
  private PriorityQueue<JdkEvent> jdk;
  private long jdkSequence;

  /** An event of the baseline: time, then sequence for first-in-first-out ties. */
  record JdkEvent(long time, long sequence) {}

  private static final Comparator<JdkEvent> JDK_ORDER =
      Comparator.comparingLong(JdkEvent::time).thenComparingLong(JdkEvent::sequence);

  /** Pre-generates the increments and fills the queue under test with {@code pending} events. */
  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(20_261_124L);
    increments = new long[INCREMENTS];
    for (int i = 0; i < INCREMENTS; i++) {
      increments[i] = Math.round(-MEAN_INCREMENT_MILLIS * Math.log(1 - rng.nextDouble()));
    }
    cursor = 0;
    switch (queue) {
      case "engine" -> {
        engine = new EventQueue(pending);
        for (int i = 0; i < pending; i++) {
          engine.add(nextIncrement());
        }
      }
      case "jdk" -> {
        jdk = new PriorityQueue<>(pending, JDK_ORDER);
        jdkSequence = 0;
        for (int i = 0; i < pending; i++) {
          jdk.add(new JdkEvent(nextIncrement(), jdkSequence++));
        }
      }
      default -> throw new IllegalArgumentException("queue must be engine or jdk, was " + queue);
    }
  }

  private long nextIncrement() {
    long inc = increments[cursor];
    cursor = (cursor + 1) & (INCREMENTS - 1);
    return inc;
  }

  /** One hold: remove the earliest event, add one at its time plus an increment. */
  @Benchmark
  public long hold() {
    if (engine != null) {
      long now = engine.peekTime();
      engine.poll();
      engine.add(now + nextIncrement());
      return now;
    }
    JdkEvent next = jdk.poll();
    long now = next.time();
    jdk.add(new JdkEvent(now + nextIncrement(), jdkSequence++));
    return now;
  }
}
