package io.platformsim.core.experiment;

import io.platformsim.core.engine.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sequential stopping rule for {@link Comparison#run(Scenario, Precision)}: keep adding
 * replications until every {@link #HEADLINE} figure of every platform has a 95% interval whose
 * half-width is at most {@code target} × |mean| (relative half-width), or {@code cap} replications
 * have run. The rule is checked after every replication from {@code minimum} on, in index order, so
 * the replications kept, and the result, do not depend on how many run at once.
 *
 * <p>A headline figure a platform does not report (e.g. no load spike: no time to scale out) is
 * skipped; one with a mean of 0 meets the rule only with a half-width of 0. A figure whose
 * replications are censored is judged on its lower bounds, like its printed mean.
 *
 * @param target the largest relative half-width, in (0, 1), e.g. 0.05 for 5%
 * @param minimum replications before the rule is first checked, at least 2 (an interval needs two)
 * @param cap most replications to run, at least {@code minimum}, at most {@link
 *     Scenario#MAX_REPLICATIONS}
 */
public record Precision(double target, int minimum, int cap) {

  /** Replications before the first check: 5, below which a report warns the interval is weak. */
  public static final int DEFAULT_MINIMUM = 5;

  /** The cap when none is given. */
  public static final int DEFAULT_CAP = 100;

  /**
   * The figures the rule watches: machines, cost, CPU and memory allocation, app rollout p50, time
   * to recover and time to scale out (the last two when the scenario has a failure or a spike).
   */
  public static final List<Figure> HEADLINE =
      List.of(
          Figure.MACHINES,
          Figure.COST_PER_HOUR,
          Figure.CPU_ALLOCATION,
          Figure.MEMORY_ALLOCATION,
          Figure.APP_ROLLOUT_P50,
          Figure.RECOVERY_SECONDS,
          Figure.SCALE_OUT_SECONDS);

  /**
   * Checks the ranges.
   *
   * @throws IllegalArgumentException naming the value out of range
   */
  public Precision {
    if (!(target > 0 && target < 1)) {
      throw new IllegalArgumentException(
          "precision target must be in (0, 1) (e.g. 0.05 for 5%), was " + target);
    }
    if (minimum < 2) {
      throw new IllegalArgumentException("precision minimum must be at least 2, was " + minimum);
    }
    if (cap < minimum || cap > Scenario.MAX_REPLICATIONS) {
      throw new IllegalArgumentException(
          "precision cap must be in ["
              + minimum
              + ", "
              + Scenario.MAX_REPLICATIONS
              + "], was "
              + cap);
    }
  }

  /** Relative half-width at most {@code target}, at most {@code cap} replications. */
  public static Precision relative(double target, int cap) {
    return new Precision(target, Math.max(2, Math.min(DEFAULT_MINIMUM, cap)), cap);
  }

  /** Relative half-width at most {@code target}, at most {@link #DEFAULT_CAP} replications. */
  public static Precision relative(double target) {
    return relative(target, DEFAULT_CAP);
  }

  /** The same rule starting its checks at {@code minimum} replications. */
  public Precision withMinimum(int minimum) {
    return new Precision(target, minimum, cap);
  }

  /**
   * The headline figures of {@code platforms} that miss the target, as {@code label figure-key
   * (relative half-width)}; empty when the rule is met.
   */
  public List<String> unmet(List<PlatformResult> platforms) {
    List<String> out = new ArrayList<>();
    for (PlatformResult p : platforms) {
      for (Figure f : HEADLINE) {
        Estimate e = p.figures().get(f);
        if (e == null) {
          continue;
        }
        double rel = e.relativeHalfWidth();
        if (!(rel <= target)) {
          out.add(
              String.format(
                  Locale.ROOT,
                  "%s %s (%s)",
                  p.label(),
                  f.key(),
                  Double.isNaN(rel)
                      ? "no interval"
                      : String.format(Locale.ROOT, "±%.1f%%", rel * 100)));
        }
      }
    }
    return out;
  }

  /**
   * How a run under this rule ended.
   *
   * @param rule the rule
   * @param capReached whether it stopped at the cap with the target still missed
   * @param unmet the figures still missing the target (empty unless {@code capReached})
   */
  public record Outcome(Precision rule, boolean capReached, List<String> unmet) {
    /** Copies the list. */
    public Outcome {
      unmet = List.copyOf(unmet);
    }
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "relative half-width ≤ %s%% (replications %d..%d)",
        percent(target * 100),
        minimum,
        cap);
  }

  private static String percent(double v) {
    String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
