package io.platformsim.core.experiment;

import io.platformsim.core.engine.Estimate;
import io.platformsim.core.engine.Observation;
import io.platformsim.core.output.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text and CSV renderings of a {@link ComparisonResult}. All numbers use {@link Locale#ROOT} (a dot
 * for decimals) so output does not depend on the machine, and nothing depends on wall-clock time,
 * so the same result always renders to the same text.
 */
public final class ComparisonReport {

  private ComparisonReport() {}

  /**
   * An aligned table, one row per figure: each platform as {@code mean ± half-width} of the 95%
   * confidence interval, in registry order, then each other platform ÷ the first (baseline), e.g.
   * {@code KuSP/LeSP}. Figures no platform reports are left out; one platform's missing figure
   * prints as {@code n/a}.
   */
  public static String table(ComparisonResult r) {
    List<PlatformResult> platforms = r.platforms();
    PlatformResult base = r.baseline();
    List<String[]> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("figure", "unit"));
    for (PlatformResult p : platforms) {
      header.add(p.label());
    }
    for (PlatformResult p : platforms.subList(1, platforms.size())) {
      header.add(p.label() + "/" + base.label());
      header.add("paired " + p.label() + "/" + base.label());
    }
    rows.add(header.toArray(new String[0]));
    for (Figure f : Figure.values()) {
      boolean any = false;
      for (PlatformResult p : platforms) {
        any |= p.estimate(f).isPresent();
      }
      if (!any) {
        continue;
      }
      List<String> row = new ArrayList<>(List.of(f.label(), f.unit()));
      for (PlatformResult p : platforms) {
        row.add(p.estimate(f).map(e -> formatEstimate(f, e)).orElse("n/a"));
      }
      for (PlatformResult p : platforms.subList(1, platforms.size())) {
        double ratio = r.ratio(p.name(), f);
        row.add(Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2fx", ratio));
        row.add(r.pairedRatio(p.name(), f).map(ComparisonReport::formatRatio).orElse(""));
      }
      rows.add(row.toArray(new String[0]));
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Scenario '%s': %d replications, seed %d, horizon %s (simulated)%n",
            r.scenario(),
            r.replications(),
            r.seed(),
            TimelineEvent.clock(r.horizonMillis())));
    out.append(TextTable.align(rows, 2));
    String nl = System.lineSeparator();
    out.append(
            "Values are means ± the half-width of the 95% Student-t confidence interval over the replications.")
        .append(nl);
    if (platforms.size() > 1) {
      out.append(
              "x/base is the ratio of the means; paired x/base is the mean of the per-replication ratios ± its 95% interval")
          .append(nl)
          .append("(replications where both values were observed).")
          .append(nl);
    }
    boolean censored = false;
    boolean absent = false;
    for (PlatformResult p : platforms) {
      for (Estimate e : p.figures().values()) {
        censored |= e.censored() > 0;
        absent |= e.absent() > 0;
      }
    }
    if (censored) {
      out.append(
              "≥ m (k of n censored): in k replications the event had not happened by the horizon; their time to the")
          .append(nl)
          .append(
              "horizon (or to the spike's end) counts as a lower bound, so m is a lower bound of the mean.")
          .append(nl);
    }
    if (absent) {
      out.append("(j of n): only j replications had something to measure; the others are left out.")
          .append(nl);
    }
    r.precision()
        .ifPresent(
            o ->
                out.append("Stopping rule: ")
                    .append(o.rule().toString())
                    .append(
                        o.capReached()
                            ? "; cap reached, still missed by " + String.join(", ", o.unmet())
                            : "; met")
                    .append(" after ")
                    .append(r.replications())
                    .append(" replications.")
                    .append(nl));
    for (String w : r.warnings()) {
      out.append("Warning: ").append(w).append('.').append(nl);
    }
    return out.toString();
  }

  /** {@code mean ± half-width} of a paired ratio, two decimals, {@code x} suffix. */
  static String formatRatio(Estimate e) {
    String mean = String.format(Locale.ROOT, "%.2fx", e.mean());
    return Double.isNaN(e.halfWidth())
        ? mean
        : mean + " ± " + String.format(Locale.ROOT, "%.2f", e.halfWidth());
  }

  /**
   * {@code mean ± half-width} in the figure's unit and decimals (percent for fractions); with
   * censored replications {@code ≥ mean (k of n censored)} (the mean of lower bounds is a lower
   * bound, its interval is not the figure's); with absent ones {@code (j of n)} appended.
   */
  public static String formatEstimate(Figure f, Estimate e) {
    double scale = f.isFraction() ? 100 : 1;
    String fmt = "%." + f.decimals() + "f";
    String mean = String.format(Locale.ROOT, fmt, e.mean() * scale);
    int total = e.n() + e.absent();
    if (e.censored() > 0) {
      return "≥ " + mean + " (" + e.censored() + " of " + total + " censored)";
    }
    String of = e.absent() > 0 ? " (" + e.n() + " of " + total + ")" : "";
    if (Double.isNaN(e.halfWidth())) {
      return mean + of;
    }
    return mean + " ± " + String.format(Locale.ROOT, fmt, e.halfWidth() * scale) + of;
  }

  /**
   * The summary as CSV (RFC 4180, header first): {@code figure,unit,platform,mean,ci95_low,
   * ci95_high,sd,n,censored,absent}, one row per figure and platform (platforms in registry order,
   * by label); fractions stay fractions (0.25, not 25%). {@code n} counts replications with a value
   * or a bound, {@code censored} those of them that are only lower bounds (then the mean is a lower
   * bound), {@code absent} those with nothing to measure.
   */
  public static String summaryCsv(ComparisonResult r) {
    StringBuilder sb =
        new StringBuilder("figure,unit,platform,mean,ci95_low,ci95_high,sd,n,censored,absent\n");
    for (Figure f : Figure.values()) {
      for (PlatformResult side : r.platforms()) {
        side.estimate(f)
            .ifPresent(
                e ->
                    sb.append(f.key())
                        .append(',')
                        .append(f.isFraction() ? "fraction" : f.unit())
                        .append(',')
                        .append(side.label())
                        .append(',')
                        .append(num(e.mean()))
                        .append(',')
                        .append(num(e.lower()))
                        .append(',')
                        .append(num(e.upper()))
                        .append(',')
                        .append(num(e.stdDev()))
                        .append(',')
                        .append(e.n())
                        .append(',')
                        .append(e.censored())
                        .append(',')
                        .append(e.absent())
                        .append('\n'));
      }
    }
    return sb.toString();
  }

  /**
   * Replication 0's time series of every platform as CSV: {@code time_s,platform,machines,
   * cpu_allocation,memory_allocation,cpu_usage}, platforms in registry order.
   */
  public static String timeSeriesCsv(ComparisonResult r) {
    StringBuilder sb =
        new StringBuilder("time_s,platform,machines,cpu_allocation,memory_allocation,cpu_usage\n");
    for (PlatformResult side : r.platforms()) {
      TimeSeries t = side.series();
      long[] times = t.timesMillis();
      double[] m = t.machines();
      double[] ca = t.cpuAllocation();
      double[] ma = t.memoryAllocation();
      double[] cu = t.cpuUsage();
      for (int i = 0; i < times.length; i++) {
        sb.append(num(times[i] / 1000.0))
            .append(',')
            .append(side.label())
            .append(',')
            .append(num(m[i]))
            .append(',')
            .append(num(ca[i]))
            .append(',')
            .append(num(ma[i]))
            .append(',')
            .append(num(cu[i]))
            .append('\n');
      }
    }
    return sb.toString();
  }

  /** Replication 0's rollouts of every platform as CSV (registry order), for a timeline. */
  public static String rolloutsCsv(ComparisonResult r) {
    StringBuilder sb =
        new StringBuilder(
            "platform,service,kind,version,strategy,start_s,end_s,outcome,instances_changed,max_out_of_service\n");
    for (PlatformResult side : r.platforms()) {
      for (var ro : side.rollouts()) {
        sb.append(side.label())
            .append(',')
            .append(csv(ro.release().service()))
            .append(',')
            .append(ro.release().kind())
            .append(',')
            .append(csv(ro.release().version()))
            .append(',')
            .append(csv(ro.strategy()))
            .append(',')
            .append(num(ro.startMillis() / 1000.0))
            .append(',')
            .append(ro.endMillis() < 0 ? "" : num(ro.endMillis() / 1000.0))
            .append(',')
            .append(ro.outcome())
            .append(',')
            .append(ro.instancesChanged())
            .append(',')
            .append(ro.maxOutOfService())
            .append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * Every replication's value of every figure as CSV: {@code platform,replication,figure,value,
   * censored}, platforms in registry order (by label), then figures in {@link Figure} order, then
   * replications; {@code value} is the lower bound when {@code censored} is {@code true}; an absent
   * figure has no row. Fractions stay fractions.
   */
  public static String replicationsCsv(ComparisonResult r) {
    StringBuilder sb = new StringBuilder("platform,replication,figure,value,censored\n");
    for (PlatformResult side : r.platforms()) {
      for (Figure f : Figure.values()) {
        List<Observation> values = side.values(f);
        for (int i = 0; i < values.size(); i++) {
          Observation o = values.get(i);
          if (o.present()) {
            sb.append(side.label())
                .append(',')
                .append(i)
                .append(',')
                .append(f.key())
                .append(',')
                .append(num(o.value()))
                .append(',')
                .append(o.isCensored())
                .append('\n');
          }
        }
      }
    }
    return sb.toString();
  }

  /** A locale-independent number: integers without decimals, others with up to 6. */
  static String num(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    String s = String.format(Locale.ROOT, "%.6f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** Quotes a CSV field if it holds a comma, quote or line break (RFC 4180). */
  static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
