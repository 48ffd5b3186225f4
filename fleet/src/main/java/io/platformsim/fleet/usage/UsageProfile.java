package io.platformsim.fleet.usage;

import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one service used, as percentiles: CPU in cores, memory in bytes, and memory peaks (the
 * maximum per aggregation interval, the sample the VPA recommender's memory estimate is built on).
 *
 * <p>From a time series ({@link #ofSeries}) the percentiles are nearest-rank (see {@link
 * Percentiles#nearestRank}); from a percentiles file they are as given, and the memory peaks are
 * taken to be the memory percentiles (the file has no time axis to find peaks on; an assumption
 * that, with hourly-or-finer data and a one-day interval, understates the peaks).
 *
 * <p>The simulated usage per instance ({@link #usage()}, {@link #applyTo(Service)}) is the median
 * (p50) of CPU and of memory: the one figure both input formats carry, and what a typical instance
 * uses at load factor 1.
 *
 * @param service the service name, not blank
 * @param samples rows the profile was computed from; 0 when read as percentiles
 * @param cpuCores CPU percentiles in cores
 * @param memoryBytes memory percentiles in bytes
 * @param memoryPeakBytes percentiles of the per-interval memory peaks, in bytes
 */
public record UsageProfile(
    String service,
    int samples,
    Percentiles cpuCores,
    Percentiles memoryBytes,
    Percentiles memoryPeakBytes) {

  /**
   * The VPA recommender's default memory aggregation interval, 24 h: {@code
   * DefaultMemoryAggregationInterval} in kubernetes/autoscaler
   * vertical-pod-autoscaler/pkg/recommender/model/aggregations_config.go, flag {@code
   * --memory-aggregation-interval}.
   */
  public static final Duration VPA_MEMORY_AGGREGATION_INTERVAL = Duration.ofHours(24);

  /** Validates the profile. */
  public UsageProfile {
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("service must not be blank");
    }
    if (samples < 0) {
      throw new IllegalArgumentException("samples must be >= 0, was " + samples);
    }
    Objects.requireNonNull(cpuCores, "cpuCores");
    Objects.requireNonNull(memoryBytes, "memoryBytes");
    Objects.requireNonNull(memoryPeakBytes, "memoryPeakBytes");
  }

  /**
   * A profile from percentiles alone (a percentiles file): the memory peaks are the memory
   * percentiles.
   */
  public static UsageProfile ofPercentiles(
      String service, Percentiles cpuCores, Percentiles memoryBytes) {
    return new UsageProfile(service, 0, cpuCores, memoryBytes, memoryBytes);
  }

  /** {@link #ofSeries(List, Duration)} with the VPA's 24 h memory aggregation interval. */
  public static Map<String, UsageProfile> ofSeries(List<UsageSample> samples) {
    return ofSeries(samples, VPA_MEMORY_AGGREGATION_INTERVAL);
  }

  /**
   * One profile per service in {@code samples}, by name in sorted order. Memory peaks: the series
   * of each service is cut into intervals of {@code memoryInterval} counted from its first sample,
   * and each interval with samples gives one peak, its maximum (the VPA recommender keeps "one
   * memory usage sample per interval (the maximum usage over that interval)", the help text of
   * {@code --memory-aggregation-interval}).
   *
   * @param samples rows in any order
   * @param memoryInterval positive
   */
  public static Map<String, UsageProfile> ofSeries(
      List<UsageSample> samples, Duration memoryInterval) {
    if (memoryInterval.isZero() || memoryInterval.isNegative()) {
      throw new IllegalArgumentException("memoryInterval must be positive, was " + memoryInterval);
    }
    Map<String, List<UsageSample>> byService = new TreeMap<>();
    for (UsageSample s : samples) {
      byService.computeIfAbsent(s.service(), k -> new ArrayList<>()).add(s);
    }
    Map<String, UsageProfile> out = new TreeMap<>();
    long intervalMillis = memoryInterval.toMillis();
    for (Map.Entry<String, List<UsageSample>> e : byService.entrySet()) {
      List<UsageSample> rows = e.getValue();
      double[] cpu = new double[rows.size()];
      double[] mem = new double[rows.size()];
      long first = Long.MAX_VALUE;
      for (UsageSample s : rows) {
        first = Math.min(first, s.at().toEpochMilli());
      }
      Map<Long, Long> peaks = new TreeMap<>();
      for (int i = 0; i < rows.size(); i++) {
        UsageSample s = rows.get(i);
        cpu[i] = s.cpuCores();
        mem[i] = s.memoryBytes();
        long bucket = (s.at().toEpochMilli() - first) / intervalMillis;
        peaks.merge(bucket, s.memoryBytes(), Math::max);
      }
      double[] peakValues = peaks.values().stream().mapToDouble(Long::doubleValue).toArray();
      out.put(
          e.getKey(),
          new UsageProfile(
              e.getKey(),
              rows.size(),
              Percentiles.nearestRank(cpu),
              Percentiles.nearestRank(mem),
              Percentiles.nearestRank(peakValues)));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The usage per instance to simulate: the p50 of CPU (rounded up to whole millicores) and of
   * memory (rounded up to whole MiB).
   */
  public Resources usage() {
    return Resources.of(
        (long) Math.ceil(cpuCores.p50() * 1000 - 1e-9),
        Resources.mibOfBytes((long) Math.ceil(memoryBytes.p50())));
  }

  /** {@code service} with its usage set to {@link #usage()}; everything else unchanged. */
  public Service applyTo(Service service) {
    return RightSizing.copy(service, service.request(), usage());
  }

  /** Every figure multiplied by {@code factor} (finite, at least 0): usage scaled up or down. */
  public UsageProfile scaled(double factor) {
    return new UsageProfile(
        service,
        samples,
        cpuCores.scaled(factor),
        memoryBytes.scaled(factor),
        memoryPeakBytes.scaled(factor));
  }

  @Override
  public String toString() {
    return service
        + " ("
        + (samples == 0 ? "percentiles" : samples + " samples")
        + "): cpu cores ["
        + cpuCores
        + "], memory bytes ["
        + memoryBytes
        + "], memory peaks ["
        + memoryPeakBytes
        + "]";
  }
}
