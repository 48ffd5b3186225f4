package io.platformsim.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    if (count < 1) {
      throw new IllegalArgumentException("replication count must be at least 1, was " + count);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    List<Map<String, Double>> results = new ArrayList<>(count);
    int poolSize = Math.min(threads, count);
    if (poolSize == 1) {
      for (int i = 0; i < count; i++) {
        results.add(runOne(model, masterSeed, i));
      }
    } else {
      ExecutorService pool =
          Executors.newFixedThreadPool(
              poolSize,
              r -> {
                Thread t = new Thread(r, "platformsim-replication");
                t.setDaemon(true);
                return t;
              });
      try {
        List<Future<Map<String, Double>>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          int index = i;
          futures.add(pool.submit(() -> runOne(model, masterSeed, index)));
        }
        for (Future<Map<String, Double>> f : futures) {
          results.add(await(f));
        }
      } finally {
        pool.shutdownNow();
      }
    }
    check(results);
    return new ReplicationResult(masterSeed, results);
  }

  private static Map<String, Double> runOne(ReplicationModel model, long masterSeed, int index) {
    Map<String, Double> figures;
    try {
      figures = model.run(RandomStreams.of(masterSeed, index));
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

  private static Map<String, Double> await(Future<Map<String, Double>> future) {
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
