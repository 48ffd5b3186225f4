package io.platformsim.core.experiment;

import io.platformsim.core.engine.Estimate;
import io.platformsim.core.engine.Observation;
import io.platformsim.core.platform.RolloutRecord;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One platform's part of a comparison: each {@link Figure} it reports as an {@link Estimate} (mean
 * and 95% Student-t confidence interval over the replications), plus the time series and the
 * rollouts of replication 0 for charts. A figure the platform cannot report (e.g. no load spike in
 * the scenario) is absent, never a made-up zero.
 *
 * @param name the platform's name in the {@link PlatformRegistry}, e.g. {@code "kusp"}
 * @param label its name in reports ({@code Platform.name()}), e.g. {@code "KuSP"}
 * @param figures figure → estimate, in {@link Figure} order
 * @param series replication 0's time series
 * @param rollouts replication 0's rollouts, in start order
 * @param values per figure, every replication's {@link Observation} in replication order (observed,
 *     censored with its lower bound, or absent); the same figures as {@code figures}
 */
public record PlatformResult(
    String name,
    String label,
    Map<Figure, Estimate> figures,
    TimeSeries series,
    List<RolloutRecord> rollouts,
    Map<Figure, List<Observation>> values) {

  /** Copies the collections. */
  public PlatformResult {
    EnumMap<Figure, Estimate> copy = new EnumMap<>(Figure.class);
    copy.putAll(figures);
    figures = Collections.unmodifiableMap(copy);
    rollouts = List.copyOf(rollouts);
    EnumMap<Figure, List<Observation>> v = new EnumMap<>(Figure.class);
    values.forEach((f, l) -> v.put(f, List.copyOf(l)));
    values = Collections.unmodifiableMap(v);
  }

  /** A result without per-replication values (e.g. built by hand in a test). */
  public PlatformResult(
      String name,
      String label,
      Map<Figure, Estimate> figures,
      TimeSeries series,
      List<RolloutRecord> rollouts) {
    this(name, label, figures, series, rollouts, Map.of());
  }

  /** Every replication's observation of {@code f} in replication order; empty if not reported. */
  public List<Observation> values(Figure f) {
    return values.getOrDefault(f, List.of());
  }

  /** The estimate of {@code f}, or empty if this platform does not report it. */
  public Optional<Estimate> estimate(Figure f) {
    return Optional.ofNullable(figures.get(f));
  }

  /** The mean of {@code f}, or NaN if not reported. */
  public double mean(Figure f) {
    Estimate e = figures.get(f);
    return e == null ? Double.NaN : e.mean();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(label);
    for (Map.Entry<Figure, Estimate> e : figures.entrySet()) {
      sb.append(System.lineSeparator())
          .append("  ")
          .append(e.getKey().key())
          .append(" = ")
          .append(ComparisonReport.formatEstimate(e.getKey(), e.getValue()));
    }
    return sb.toString();
  }
}
