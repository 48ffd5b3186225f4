package io.platformsim.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs independent replications of a {@link ReplicationModel} in parallel and summarizes each
 * figure with a mean and a 95% confidence interval ({@link Estimate}).
 *
 * <p>Replication {@code i} gets {@code RandomStreams.of(masterSeed, i)}, so its figures depend on
 * the seed and its index only; results are collected in index order, so the output is identical
 * whatever the number of threads and their interleaving. Each call uses a pool of its own (shut
 * down before returning): nothing is shared between calls.
 *
 * <pre>{@code
 * ReplicationResult r = Replications.run(42, 10, streams -> {
 *   var sampler = DurationDistribution.logNormal(600_000, 1_500_000)
 *       .sampler(streams.stream("converge"));
 *   return Map.of("converge [s]", sampler.next() / 1000.0);
 * });
 * System.out.println(r);
 * }</pre>
 */
public final class Replications {

  private Replications() {}

  /** Runs {@code count} replications on as many threads as there are processors. */
  public static ReplicationResult run(long masterSeed, int count, ReplicationModel model) {
    return run(masterSeed, count, Runtime.getRuntime().availableProcessors(), model);
  }

  /**
   * Runs {@code count} replications on up to {@code threads} threads (1 runs them on the calling
   * thread).
   *
   * @throws IllegalArgumentException if {@code count} or {@code threads} is below 1, or the model
   *     is null; or, prefixed with the replication index, if the model throws one
   * @throws IllegalStateException if a replication fails otherwise or reports figures that are not
   *     finite or differ in name from replication 0's
   */
  public static ReplicationResult run(
      long masterSeed, int count, int threads, ReplicationModel model) {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    List<Map<String, Double>> results =
        runRange(masterSeed, 0, count, threads, i -> runOne(model, masterSeed, i));
    check(results);
    return ReplicationResult.ofValues(masterSeed, results);
  }

  /**
   * Runs {@code count} replications of a model that may censor or leave out figures, on up to
   * {@code threads} threads; replications may report different figure sets.
   *
   * @throws IllegalArgumentException as {@link #run(long, int, int, ReplicationModel)}
   * @throws IllegalStateException if a replication fails or reports no figures
   */
  public static ReplicationResult observe(
      long masterSeed, int count, int threads, ObservationModel model) {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    return new ReplicationResult(
        masterSeed, runRange(masterSeed, 0, count, threads, i -> observeOne(model, masterSeed, i)));
  }

  /**
   * Sequential stopping: runs replications in batches of {@code batch} (in parallel on up to {@code
   * threads} threads) and returns the first {@code n} for the smallest {@code n} in [{@code
   * minimum}, {@code cap}] whose result satisfies {@code enough}, or all {@code cap} if none does.
   * The rule is checked after every single replication in index order, and replication {@code i}
   * always uses {@code RandomStreams.of(masterSeed, i)}, so the result depends neither on the batch
   * size nor on the thread count; replications a batch ran beyond the stopping point are dropped.
   *
   * @throws IllegalArgumentException if {@code minimum < 1}, {@code cap < minimum}, {@code batch <
   *     1} or {@code threads < 1}
   */
  public static ReplicationResult observeUntil(
      long masterSeed,
      int minimum,
      int cap,
      int batch,
      int threads,
      ObservationModel model,
      Predicate<ReplicationResult> enough) {
    if (minimum < 1 || cap < minimum) {
      throw new IllegalArgumentException(
          "need 1 <= minimum <= cap, was minimum " + minimum + ", cap " + cap);
    }
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, was " + batch);
    }
    if (model == null || enough == null) {
      throw new IllegalArgumentException("model and rule must not be null");
    }
    List<Map<String, Observation>> all = new ArrayList<>();
    int checked = minimum - 1; // prefixes up to this length have been checked
    while (all.size() < cap) {
      int from = all.size();
      int to = Math.min(cap, Math.max(minimum, from + batch));
      all.addAll(
          runRange(masterSeed, from, to - from, threads, i -> observeOne(model, masterSeed, i)));
      for (int n = checked + 1; n <= all.size(); n++) {
        ReplicationResult prefix = new ReplicationResult(masterSeed, all.subList(0, n));
        if (enough.test(prefix)) {
          return prefix;
        }
      }
      checked = all.size();
    }
    return new ReplicationResult(masterSeed, all);
  }

  /** Replications {@code from} .. {@code from + count - 1}, in index order. */
  private static <T> List<T> runRange(
      long masterSeed, int from, int count, int threads, IntFunction<T> one) {
    if (count < 1) {
      throw new IllegalArgumentException("replication count must be at least 1, was " + count);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    List<T> results = new ArrayList<>(count);
    int poolSize = Math.min(threads, count);
    if (poolSize == 1) {
      for (int i = from; i < from + count; i++) {
        results.add(one.apply(i));
      }
      return results;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            poolSize,
            r -> {
              Thread t = new Thread(r, "platformsim-replication");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<T>> futures = new ArrayList<>(count);
      for (int i = from; i < from + count; i++) {
        int index = i;
        futures.add(pool.submit(() -> one.apply(index)));
      }
      for (Future<T> f : futures) {
        results.add(await(f));
      }
    } finally {
      pool.shutdownNow();
    }
    return results;
  }

  private static Map<String, Observation> observeOne(
      ObservationModel model, long masterSeed, int index) {
    Map<String, Observation> figures =
        reported(index, () -> model.run(RandomStreams.of(masterSeed, index)));
    for (Map.Entry<String, Observation> e : figures.entrySet()) {
      if (e.getValue() == null) {
        throw new IllegalStateException(
            "replication " + index + " reported figure \"" + e.getKey() + "\" = null");
      }
    }
    return figures;
  }

  private static Map<String, Double> runOne(ReplicationModel model, long masterSeed, int index) {
    return reported(index, () -> model.run(RandomStreams.of(masterSeed, index)));
  }

  /**
   * What replication {@code index} reported: an exception it throws is prefixed with its index, and
   * no figures at all is an error.
   */
  private static <T extends Map<String, ?>> T reported(int index, Supplier<T> replication) {
    T figures;
    try {
      figures = replication.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("replication " + index + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("replication " + index + " failed: " + e, e);
    }
    if (figures == null || figures.isEmpty()) {
      throw new IllegalStateException("replication " + index + " reported no figures");
    }
    return figures;
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for replications", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static void check(List<Map<String, Double>> results) {
    Map<String, Double> first = results.get(0);
    for (int i = 0; i < results.size(); i++) {
      Map<String, Double> figures = results.get(i);
      if (!figures.keySet().equals(first.keySet())) {
        throw new IllegalStateException(
            "replication "
                + i
                + " reported figures "
                + figures.keySet()
                + " but replication 0 reported "
                + first.keySet());
      }
      for (Map.Entry<String, Double> e : figures.entrySet()) {
        Double v = e.getValue();
        if (v == null || v.isNaN() || v.isInfinite()) {
          throw new IllegalStateException(
              "replication " + i + " reported figure \"" + e.getKey() + "\" = " + v);
        }
      }
    }
  }
}
