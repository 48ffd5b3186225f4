package io.platformsim.examples.report;

import io.platformsim.core.experiment.ComparisonResult;
import io.platformsim.core.experiment.SideResult;
import io.platformsim.core.experiment.TimeSeries;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.Release;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Writes a comparison's charts as PNG files into a directory (created if missing):
 * {@code utilization.png} (CPU allocation and CPU usage over time, both platforms),
 * {@code machines.png} (billed machines or nodes over time) and {@code rollouts.png} (one bar per
 * rollout from start to end, app releases and base-image changes, LeSP above KuSP). All from
 * replication 0. Runs headless: no display is needed.
 *
 * <pre>{@code
 * List<Path> files = ComparisonCharts.write(Comparison.run(DefaultScenario.build()), Path.of("charts"));
 * }</pre>
 */
public final class ComparisonCharts {

  /** Chart size in pixels. */
  public static final int WIDTH = 1200;
  /** Chart height in pixels. */
  public static final int HEIGHT = 700;

  private static final Color LESP = new Color(0xD5, 0x5E, 0x00);
  private static final Color KUSP = new Color(0x00, 0x72, 0xB2);

  private ComparisonCharts() {}

  /**
   * Writes the three charts into {@code dir} and returns their paths.
   *
   * @throws IOException if the directory cannot be created or a file written
   */
  public static List<Path> write(ComparisonResult r, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    out.add(save(utilization(r), dir.resolve("utilization.png")));
    out.add(save(machines(r), dir.resolve("machines.png")));
    out.add(save(rollouts(r), dir.resolve("rollouts.png")));
    return out;
  }

  private static Path save(JFreeChart chart, Path file) throws IOException {
    ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    return file;
  }

  /** CPU allocation and usage (percent of billed CPU) over simulated hours. */
  public static JFreeChart utilization(ComparisonResult r) {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series("LeSP CPU allocation", r.lesp().series(), 1));
    data.addSeries(series("LeSP CPU usage", r.lesp().series(), 3));
    data.addSeries(series("KuSP CPU allocation", r.kusp().series(), 1));
    data.addSeries(series("KuSP CPU usage", r.kusp().series(), 3));
    JFreeChart chart = ChartFactory.createXYLineChart(
        "CPU allocation and usage over time — scenario '" + r.scenario() + "', replication 0",
        "simulated time [h]", "% of billed CPU", data, PlotOrientation.VERTICAL, true, false, false);
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    lines.setSeriesPaint(0, LESP);
    lines.setSeriesPaint(1, LESP);
    lines.setSeriesPaint(2, KUSP);
    lines.setSeriesPaint(3, KUSP);
    BasicStroke dashed = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f},
        0f);
    lines.setSeriesStroke(0, new BasicStroke(2f));
    lines.setSeriesStroke(1, dashed);
    lines.setSeriesStroke(2, new BasicStroke(2f));
    lines.setSeriesStroke(3, dashed);
    chart.getXYPlot().setRenderer(lines);
    ((NumberAxis) chart.getXYPlot().getRangeAxis()).setRange(0, 100);
    chart.getXYPlot().setBackgroundPaint(Color.WHITE);
    chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
    chart.getXYPlot().setDomainGridlinePaint(Color.LIGHT_GRAY);
    return chart;
  }

  /** Billed machines (LeSP) and nodes (KuSP) over simulated hours. */
  public static JFreeChart machines(ComparisonResult r) {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series("LeSP machines", r.lesp().series(), 0));
    data.addSeries(series("KuSP nodes", r.kusp().series(), 0));
    JFreeChart chart = ChartFactory.createXYLineChart(
        "Billed machines over time — scenario '" + r.scenario() + "', replication 0",
        "simulated time [h]", "machines / nodes", data, PlotOrientation.VERTICAL, true, false, false);
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    lines.setSeriesPaint(0, LESP);
    lines.setSeriesPaint(1, KUSP);
    lines.setSeriesStroke(0, new BasicStroke(2f));
    lines.setSeriesStroke(1, new BasicStroke(2f));
    chart.getXYPlot().setRenderer(lines);
    chart.getXYPlot().setBackgroundPaint(Color.WHITE);
    chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
    return chart;
  }

  private static XYSeries series(String name, TimeSeries t, int column) {
    XYSeries s = new XYSeries(name, false, true);
    long[] times = t.timesMillis();
    double[] values = switch (column) {
      case 0 -> t.machines();
      case 1 -> t.cpuAllocation();
      case 2 -> t.memoryAllocation();
      default -> t.cpuUsage();
    };
    double scale = column == 0 ? 1 : 100;
    for (int i = 0; i < times.length; i++) {
      s.add(times[i] / 3_600_000.0, values[i] * scale);
    }
    return s;
  }

  /**
   * The rollout timeline: a row per service (in order of first rollout), a bar per rollout from
   * its start to its end (to the horizon if unfinished), LeSP in the upper half of the row, KuSP
   * in the lower; app releases solid, base-image changes lighter.
   */
  public static JFreeChart rollouts(ComparisonResult r) {
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (SideResult side : List.of(r.lesp(), r.kusp())) {
      for (RolloutRecord ro : side.rollouts()) {
        rows.putIfAbsent(ro.release().service(), rows.size());
      }
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    data.addSeries(bars("LeSP app release", r.lesp(), Release.Kind.APP, rows, true, r.horizonMillis()));
    data.addSeries(bars("LeSP base-image change", r.lesp(), Release.Kind.BASE_IMAGE, rows, true, r.horizonMillis()));
    data.addSeries(bars("KuSP app release", r.kusp(), Release.Kind.APP, rows, false, r.horizonMillis()));
    data.addSeries(bars("KuSP base-image change", r.kusp(), Release.Kind.BASE_IMAGE, rows, false, r.horizonMillis()));
    XYBarRenderer renderer = new XYBarRenderer();
    renderer.setUseYInterval(true);
    renderer.setShadowVisible(false);
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setSeriesPaint(0, LESP);
    renderer.setSeriesPaint(1, LESP.brighter().brighter());
    renderer.setSeriesPaint(2, KUSP);
    renderer.setSeriesPaint(3, new Color(0x56, 0xB4, 0xE9));
    NumberAxis x = new NumberAxis("simulated time [h]");
    NumberAxis y = new NumberAxis("service (row number, in order of first rollout)");
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    y.setInverted(true);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    return new JFreeChart("Rollout timeline — scenario '" + r.scenario() + "', replication 0 (LeSP upper, KuSP lower"
        + " half of each row)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
  }

  private static XYIntervalSeries bars(String name, SideResult side, Release.Kind kind, Map<String, Integer> rows,
      boolean upper, long horizon) {
    XYIntervalSeries s = new XYIntervalSeries(name);
    for (RolloutRecord ro : side.rollouts()) {
      if (ro.release().kind() != kind) {
        continue;
      }
      double start = ro.startMillis() / 3_600_000.0;
      double end = (ro.endMillis() < 0 ? horizon : ro.endMillis()) / 3_600_000.0;
      double row = rows.get(ro.release().service());
      // The y axis is inverted (first row at the top), so row - 0.4 .. row is the upper half.
      double low = upper ? row - 0.4 : row + 0.02;
      double high = upper ? row - 0.02 : row + 0.4;
      s.add(start, start, end, row, low, high);
    }
    return s;
  }
}
