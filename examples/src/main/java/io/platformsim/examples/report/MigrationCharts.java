package io.platformsim.examples.report;

import io.platformsim.core.experiment.migration.MigrationPlan;
import io.platformsim.core.experiment.migration.MigrationResult;
import io.platformsim.core.experiment.migration.MonthRow;
import io.platformsim.core.output.OutputFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Writes a migration's charts as PNG files into a directory (created if missing), from the means
 * over the replications, one point per month of 730 h (x = the month's number from the plan's
 * start):
 *
 * <ul>
 *   <li>{@code migration-cost.png}: the cost per hour of LeSP and of KuSP stacked (their sum is
 *       what the migration pays), with the two baselines as lines: staying on LeSP and a big-bang
 *       move. A baseline's cost per hour in a month is the growth of its cumulative cost over the
 *       month divided by the month's hours (730, fewer in a last month the horizon cuts short).
 *   <li>{@code services-by-side.png}: services on LeSP, dual running and on KuSP, stacked (the
 *       stack's height is the service count at every month).
 * </ul>
 *
 * Colours follow {@link ComparisonCharts}: LeSP vermillion, KuSP blue (Okabe-Ito). Runs headless.
 */
public final class MigrationCharts {

  /** Chart size in pixels. */
  public static final int WIDTH = ComparisonCharts.WIDTH;

  /** Chart height in pixels. */
  public static final int HEIGHT = ComparisonCharts.HEIGHT;

  /** The files {@link #write} puts into its directory, in order. */
  public static final List<String> FILES = List.of("migration-cost.png", "services-by-side.png");

  /** The x axis label of both charts. */
  public static final String MONTH_AXIS = "month from the plan's start (730 h each)";

  private static final double HOURS_PER_MONTH = MigrationPlan.HOURS_PER_MONTH;
  private static final Color LESP = new Color(0xD5, 0x5E, 0x00);
  private static final Color KUSP = new Color(0x00, 0x72, 0xB2);
  private static final Color DUAL = new Color(0xE6, 0x9F, 0x00);
  private static final Color STAY = new Color(0x00, 0x00, 0x00);
  private static final Color BIG_BANG = new Color(0x00, 0x9E, 0x73);

  private MigrationCharts() {}

  /**
   * Writes both charts ({@link #FILES}) into {@code dir}, all or none ({@link OutputFiles}), and
   * returns their paths.
   *
   * @throws IOException if the directory cannot be created or a file written; then no chart file
   *     has changed
   */
  public static List<Path> write(MigrationResult r, Path dir) throws IOException {
    OutputFiles files = new OutputFiles();
    addTo(files, r, dir);
    return files.write();
  }

  /** Adds both charts in {@code dir} to {@code files}, drawn when they are written. */
  public static void addTo(OutputFiles files, MigrationResult r, Path dir) {
    System.setProperty("java.awt.headless", "true");
    files.bytes(dir.resolve(FILES.get(0)), png(() -> cost(r)));
    files.bytes(dir.resolve(FILES.get(1)), png(() -> servicesBySide(r)));
  }

  private static OutputFiles.Content png(Supplier<JFreeChart> chart) {
    return out -> ChartUtils.writeChartAsPNG(out, chart.get(), WIDTH, HEIGHT);
  }

  /** LeSP and KuSP cost per hour stacked, with the stay-on-LeSP and big-bang baselines as lines. */
  public static JFreeChart cost(MigrationResult r) {
    DefaultTableXYDataset stacked = new DefaultTableXYDataset();
    stacked.addSeries(series("LeSP", r, m -> m.lespCostPerHour().mean()));
    stacked.addSeries(series("KuSP", r, m -> m.kuspCostPerHour().mean()));
    XYSeriesCollection baselines = new XYSeriesCollection();
    baselines.addSeries(baseline("stay on LeSP", r, m -> m.stayOnLespCumulativeUsd().mean()));
    baselines.addSeries(baseline("big bang", r, m -> m.bigBangCumulativeUsd().mean()));
    StackedXYAreaRenderer2 areas = new StackedXYAreaRenderer2();
    areas.setSeriesPaint(0, LESP);
    areas.setSeriesPaint(1, KUSP);
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    lines.setSeriesPaint(0, STAY);
    lines.setSeriesPaint(1, BIG_BANG);
    lines.setSeriesStroke(
        0,
        new BasicStroke(
            2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
    lines.setSeriesStroke(1, new BasicStroke(2.5f));
    XYPlot plot = plot(stacked, areas, "USD per hour");
    // The renderer first: a dataset without one is measured by renderer 0, the stacked one.
    plot.setRenderer(1, lines);
    plot.setDataset(1, baselines);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    return new JFreeChart(
        "Migration cost per hour — scenario '" + r.scenario() + "', " + replications(r),
        JFreeChart.DEFAULT_TITLE_FONT,
        plot,
        true);
  }

  /** Services on LeSP, dual running and on KuSP, stacked, per month. */
  public static JFreeChart servicesBySide(MigrationResult r) {
    DefaultTableXYDataset stacked = new DefaultTableXYDataset();
    stacked.addSeries(series("on LeSP", r, m -> m.servicesOnLesp().mean()));
    stacked.addSeries(series("dual running", r, m -> m.servicesDual().mean()));
    stacked.addSeries(series("on KuSP", r, m -> m.servicesOnKusp().mean()));
    StackedXYAreaRenderer2 areas = new StackedXYAreaRenderer2();
    areas.setSeriesPaint(0, LESP);
    areas.setSeriesPaint(1, DUAL);
    areas.setSeriesPaint(2, KUSP);
    return new JFreeChart(
        "Services by side — scenario '" + r.scenario() + "', " + replications(r),
        JFreeChart.DEFAULT_TITLE_FONT,
        plot(stacked, areas, "services"),
        true);
  }

  private static String replications(MigrationResult r) {
    return r.replications() == 1
        ? "1 replication"
        : "mean of " + r.replications() + " replications";
  }

  private static XYPlot plot(
      DefaultTableXYDataset data, StackedXYAreaRenderer2 renderer, String yLabel) {
    NumberAxis x = new NumberAxis(MONTH_AXIS);
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    NumberAxis y = new NumberAxis(yLabel);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    return plot;
  }

  private static XYSeries series(String name, MigrationResult r, ToDoubleFunction<MonthRow> y) {
    // DefaultTableXYDataset needs series without duplicate x values.
    XYSeries s = new XYSeries(name, true, false);
    for (MonthRow m : r.months()) {
      s.add(m.month(), y.applyAsDouble(m));
    }
    return s;
  }

  /**
   * A baseline's cost per hour in each month, from its cumulative cost at the month's end: the
   * growth over the month divided by the month's hours.
   */
  private static XYSeries baseline(
      String name, MigrationResult r, ToDoubleFunction<MonthRow> cumulative) {
    XYSeries s = new XYSeries(name, true, false);
    double before = 0;
    double horizonHours = r.plan().horizon().toMillis() / 3_600_000.0;
    for (MonthRow m : r.months()) {
      double hours = Math.min(HOURS_PER_MONTH, horizonHours - HOURS_PER_MONTH * m.month());
      double now = cumulative.applyAsDouble(m);
      s.add(m.month(), hours > 0 ? (now - before) / hours : 0);
      before = now;
    }
    return s;
  }
}
