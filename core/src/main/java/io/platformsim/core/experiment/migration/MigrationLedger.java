package io.platformsim.core.experiment.migration;

import java.util.List;
import java.util.function.Function;

/**
 * One replication's migration in figures: the segments of its {@link MigrationTimeline} priced by
 * their steady states ({@link SteadyFigures}), added up per month of {@link MigrationPlan#MONTH}
 * (730 h) and against the two baselines. Pure arithmetic, no simulation.
 *
 * <h2>Definitions</h2>
 *
 * <ul>
 *   <li><b>Month values</b> ({@link Column#timeWeighted}): the time-weighted mean over the month's
 *       stretch of each segment's figure (the last month may be cut short by the horizon: its mean
 *       is over what it covers).
 *   <li><b>Cumulative costs</b>, at each month's end: the migration's {@code ∫ total cost per hour
 *       dt}; <b>stay on LeSP</b>, the all-on-LeSP steady state's cost per hour times the time
 *       elapsed; <b>big bang</b>, the all-on-LeSP cost until the first wave starts, then the
 *       all-on-KuSP steady state's cost: every service switched at once, with no readiness work,
 *       dual running or bake paid (an ideal lower bound for a migration that moves at that date).
 *   <li><b>Savings</b> at time t: stay-on-LeSP cumulative minus the migration's cumulative.
 *       <b>Break-even</b>: the first time after the first wave's start at which the savings are
 *       back at or above 0 after having been below 0 (dual running makes them fall first), found
 *       exactly by linear interpolation inside the segment where they cross; in months from the
 *       start (fractional, e.g. 7.4 is 40% into month 7, 0-based). If the savings never go below 0
 *       (a migration cheaper from its first day) it is the first wave's start. NaN when they are
 *       still below 0 at the horizon, or when no wave starts before it.
 *   <li><b>Peak overlap cost per hour</b>: the largest total cost per hour of a segment in which
 *       both platforms are in use (a service dual running, or services on each side); 0 if there is
 *       none.
 *   <li><b>Total migration cost</b>: {@code ∫ (migration − stay on LeSP) dt} from the start until
 *       the last LeSP pool is drained (the first segment with every service on KuSP), or until the
 *       horizon if that never happens: the extra paid for the move, net of what was saved while
 *       moving (negative if the move saved money before it was done).
 * </ul>
 *
 * @param months {@code months[m][column.ordinal()]}, m from 0
 * @param breakEvenMonth months from the start to the break-even, NaN if never
 * @param peakOverlapCostPerHour see above, USD per hour
 * @param totalMigrationCostUsd see above, USD
 */
record MigrationLedger(
    double[][] months,
    double breakEvenMonth,
    double peakOverlapCostPerHour,
    double totalMigrationCostUsd) {

  /** The per-month columns of a {@link MonthRow}, in its order. */
  enum Column {
    LESP_MACHINES("lespMachines", true),
    KUSP_NODES("kuspNodes", true),
    LESP_COST_PER_HOUR("lespCostPerHour", true),
    KUSP_COST_PER_HOUR("kuspCostPerHour", true),
    TOTAL_COST_PER_HOUR("totalCostPerHour", true),
    SERVICES_ON_LESP("servicesOnLesp", true),
    SERVICES_ON_KUSP("servicesOnKusp", true),
    SERVICES_DUAL("servicesDual", true),
    LESP_CPU_ALLOCATION("lespCpuAllocation", true),
    KUSP_CPU_ALLOCATION("kuspCpuAllocation", true),
    CERTIFICATES_PER_DAY("certificatesPerDay", true),
    PRINCIPALS("principals", true),
    HOST_BLAST_RADIUS("hostBlastRadius", true),
    CUMULATIVE_COST_USD("cumulativeCostUsd", false),
    STAY_ON_LESP_CUMULATIVE_USD("stayOnLespCumulativeUsd", false),
    BIG_BANG_CUMULATIVE_USD("bigBangCumulativeUsd", false),
    SHARED_ADDRESSES_USED("sharedAddressesUsed", true),
    ADDRESSES_EXHAUSTED("addressesExhausted", true);

    /** The {@link MonthRow} component's name. */
    final String key;

    /** Whether it is a time-weighted mean over the month (else a value at the month's end). */
    final boolean timeWeighted;

    Column(String key, boolean timeWeighted) {
      this.key = key;
      this.timeWeighted = timeWeighted;
    }

    double of(SteadyFigures f, MigrationState s) {
      return switch (this) {
        case LESP_MACHINES -> f.lespMachines();
        case KUSP_NODES -> f.kuspNodes();
        case LESP_COST_PER_HOUR -> f.lespCostPerHour();
        case KUSP_COST_PER_HOUR -> f.kuspCostPerHour();
        case TOTAL_COST_PER_HOUR -> f.totalCostPerHour();
        case SERVICES_ON_LESP -> s.count(Side.LESP);
        case SERVICES_ON_KUSP -> s.count(Side.KUSP);
        case SERVICES_DUAL -> s.count(Side.DUAL);
        case LESP_CPU_ALLOCATION -> f.lespCpuAllocation();
        case KUSP_CPU_ALLOCATION -> f.kuspCpuAllocation();
        case CERTIFICATES_PER_DAY -> f.certificatesPerDay();
        case PRINCIPALS -> f.principals();
        case HOST_BLAST_RADIUS -> f.hostBlastRadius();
        case SHARED_ADDRESSES_USED -> f.sharedAddressesUsed();
        case ADDRESSES_EXHAUSTED -> f.addressesExhausted();
        default -> throw new IllegalStateException(name() + " is not a segment figure");
      };
    }
  }

  private static final double HOUR = 3_600_000.0;

  /**
   * The ledger of {@code segments} (contiguous from 0; the last one's end is the horizon), each
   * state priced by {@code figures}; {@code stay} and {@code kuspOnly} are the all-on-LeSP and
   * all-on-KuSP steady states, {@code firstWaveMillis} when the first wave started.
   *
   * @throws IllegalArgumentException if the segments are empty or not contiguous from 0
   */
  static MigrationLedger of(
      List<Segment> segments,
      Function<MigrationState, SteadyFigures> figures,
      SteadyFigures stay,
      SteadyFigures kuspOnly,
      long firstWaveMillis) {
    if (segments.isEmpty() || segments.get(0).startMillis() != 0) {
      throw new IllegalArgumentException("segments must start at 0, were " + segments);
    }
    for (int i = 1; i < segments.size(); i++) {
      if (segments.get(i).startMillis() != segments.get(i - 1).endMillis()) {
        throw new IllegalArgumentException(
            "segments must be contiguous: " + segments.get(i - 1) + " then " + segments.get(i));
      }
    }
    long horizon = segments.get(segments.size() - 1).endMillis();
    long month = MigrationPlan.MONTH.toMillis();
    int count = (int) ((horizon + month - 1) / month);
    double[][] months = new double[count][Column.values().length];
    double stayRate = stay.totalCostPerHour();
    double kuspRate = kuspOnly.totalCostPerHour();
    double cumulative = 0; // USD, migration, up to the current segment's start
    double breakEven = Double.NaN;
    boolean below = false;
    double peak = 0;
    double extra = 0; // USD, migration minus stay, until every service is on KuSP
    boolean drained = false;
    int services = segments.get(0).state().services().size();
    for (Segment seg : segments) {
      MigrationState state = seg.state();
      SteadyFigures f = figures.apply(state);
      double rate = f.totalCostPerHour();
      // month values: each month's share of this segment
      for (int m = (int) (seg.startMillis() / month);
          m < count && (long) m * month < seg.endMillis();
          m++) {
        long from = Math.max(seg.startMillis(), (long) m * month);
        long to = Math.min(seg.endMillis(), (long) (m + 1) * month);
        long length = Math.min((long) (m + 1) * month, horizon) - (long) m * month;
        double w = (double) (to - from) / length;
        for (Column c : Column.values()) {
          if (c.timeWeighted) {
            months[m][c.ordinal()] += w * c.of(f, state);
          }
        }
      }
      // break-even: savings s(t) = stayRate·t − cumulative(t), linear inside the segment
      double hours = seg.durationMillis() / HOUR;
      if (Double.isNaN(breakEven) && seg.endMillis() > firstWaveMillis) {
        long from = Math.max(seg.startMillis(), firstWaveMillis);
        double atFrom =
            stayRate * from / HOUR - (cumulative + rate * (from - seg.startMillis()) / HOUR);
        double slope = stayRate - rate; // USD per hour
        double atEnd = atFrom + slope * (seg.endMillis() - from) / HOUR;
        // savings are continuous, so once below 0 a segment starts below 0 until they cross
        if (atFrom < 0 && atEnd >= 0) {
          breakEven = from + (-atFrom / slope) * HOUR;
        }
        below |= atFrom < 0 || atEnd < 0;
      }
      if (state.count(Side.DUAL) > 0
          || (state.count(Side.LESP) > 0 && state.count(Side.KUSP) > 0)) {
        peak = Math.max(peak, rate);
      }
      if (state.count(Side.KUSP) == services) {
        drained = true;
      }
      if (!drained) {
        extra += (rate - stayRate) * hours;
      }
      cumulative += rate * hours;
    }
    if (!below && Double.isNaN(breakEven) && firstWaveMillis < horizon) {
      breakEven = firstWaveMillis; // the savings never fell below 0 once the migration began
    }
    // cumulative columns at each month's end
    for (int m = 0; m < count; m++) {
      long end = Math.min((long) (m + 1) * month, horizon);
      months[m][Column.CUMULATIVE_COST_USD.ordinal()] = cumulativeAt(segments, figures, end);
      months[m][Column.STAY_ON_LESP_CUMULATIVE_USD.ordinal()] = stayRate * end / HOUR;
      long switched = Math.min(end, firstWaveMillis);
      months[m][Column.BIG_BANG_CUMULATIVE_USD.ordinal()] =
          (stayRate * switched + kuspRate * (end - switched)) / HOUR;
    }
    return new MigrationLedger(months, breakEven / month, peak, extra);
  }

  /** The migration's cost from 0 to {@code t}, USD. */
  private static double cumulativeAt(
      List<Segment> segments, Function<MigrationState, SteadyFigures> figures, long t) {
    double sum = 0;
    for (Segment seg : segments) {
      if (seg.startMillis() >= t) {
        break;
      }
      long to = Math.min(t, seg.endMillis());
      sum += figures.apply(seg.state()).totalCostPerHour() * (to - seg.startMillis()) / HOUR;
    }
    return sum;
  }
}
