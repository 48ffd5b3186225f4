package io.platformsim.examples.report;

import io.platformsim.core.experiment.ComparisonResult;
import io.platformsim.core.experiment.PlatformResult;
import io.platformsim.core.experiment.TimeSeries;
import io.platformsim.core.output.OutputFiles;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.workload.Release;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Writes a comparison's charts as PNG files into a directory (created if missing): {@code
 * utilization.png} (CPU allocation and CPU usage over time, both platforms), {@code machines.png}
 * (billed machines or nodes over time) and {@code rollouts.png} (one bar per rollout from start to
 * end, app releases and base-image changes, one band of each row per platform, in registry order
 * from the top). Every platform of the result is drawn, in registry order and its own colour (LeSP
 * vermillion, KuSP blue). All from replication 0. Runs headless: no display is needed.
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

  // Okabe-Ito colour-blind-safe palette, one per platform in registry order (then repeating).
  private static final Color[] SOLID = {
    new Color(0xD5, 0x5E, 0x00),
    new Color(0x00, 0x72, 0xB2),
    new Color(0x00, 0x9E, 0x73),
    new Color(0xCC, 0x79, 0xA7),
    new Color(0xE6, 0x9F, 0x00)
  };
  // Lighter variants for base-image changes.
  private static final Color[] LIGHT = {
    SOLID[0].brighter().brighter(),
    new Color(0x56, 0xB4, 0xE9),
    new Color(0x66, 0xC5, 0xA9),
    new Color(0xE0, 0xAF, 0xCA),
    new Color(0xF0, 0xC5, 0x66)
  };

  private ComparisonCharts() {}

  /** The files {@link #write} puts into its directory, in order. */
  public static final List<String> FILES =
      List.of("utilization.png", "machines.png", "rollouts.png");

  /**
   * Writes the three charts ({@link #FILES}) into {@code dir} (created if missing), all or none
   * ({@link OutputFiles}), and returns their paths.
   *
   * @throws IOException if the directory cannot be created or a file written; then no chart file
   *     has changed
   */
  public static List<Path> write(ComparisonResult r, Path dir) throws IOException {
    OutputFiles files = new OutputFiles();
    addTo(files, r, dir);
    return files.write();
  }

  /**
   * Adds the three charts ({@link #FILES}) in {@code dir} to {@code files}, to be drawn when they
   * are written, so they are written together with other output (all or none).
   */
  public static void addTo(OutputFiles files, ComparisonResult r, Path dir) {
    System.setProperty("java.awt.headless", "true");
    files.bytes(dir.resolve(FILES.get(0)), png(() -> utilization(r)));
    files.bytes(dir.resolve(FILES.get(1)), png(() -> machines(r)));
    files.bytes(dir.resolve(FILES.get(2)), png(() -> rollouts(r)));
  }

  private static OutputFiles.Content png(Supplier<JFreeChart> chart) {
    return out -> ChartUtils.writeChartAsPNG(out, chart.get(), WIDTH, HEIGHT);
  }

  /** CPU allocation and usage (percent of billed CPU) over simulated hours. */
  public static JFreeChart utilization(ComparisonResult r) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (PlatformResult p : r.platforms()) {
      data.addSeries(series(p.label() + " CPU allocation", p.series(), 1));
      data.addSeries(series(p.label() + " CPU usage", p.series(), 3));
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "CPU allocation and usage over time — scenario '" + r.scenario() + "', replication 0",
            "simulated time [h]",
            "% of billed CPU",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    BasicStroke dashed =
        new BasicStroke(
            2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    for (int i = 0; i < r.platforms().size(); i++) {
      lines.setSeriesPaint(2 * i, SOLID[i % SOLID.length]);
      lines.setSeriesPaint(2 * i + 1, SOLID[i % SOLID.length]);
      lines.setSeriesStroke(2 * i, new BasicStroke(2f));
      lines.setSeriesStroke(2 * i + 1, dashed);
    }
    chart.getXYPlot().setRenderer(lines);
    ((NumberAxis) chart.getXYPlot().getRangeAxis()).setRange(0, 100);
    chart.getXYPlot().setBackgroundPaint(Color.WHITE);
    chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
    chart.getXYPlot().setDomainGridlinePaint(Color.LIGHT_GRAY);
    return chart;
  }

  /** Billed machines (LeSP), nodes (KuSP) or whatever each platform bills, over simulated hours. */
  public static JFreeChart machines(ComparisonResult r) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (PlatformResult p : r.platforms()) {
      data.addSeries(series(p.label() + " machines", p.series(), 0));
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Billed machines over time — scenario '" + r.scenario() + "', replication 0",
            "simulated time [h]",
            "machines / nodes",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < r.platforms().size(); i++) {
      lines.setSeriesPaint(i, SOLID[i % SOLID.length]);
      lines.setSeriesStroke(i, new BasicStroke(2f));
    }
    chart.getXYPlot().setRenderer(lines);
    chart.getXYPlot().setBackgroundPaint(Color.WHITE);
    chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
    return chart;
  }

  private static XYSeries series(String name, TimeSeries t, int column) {
    XYSeries s = new XYSeries(name, false, true);
    long[] times = t.timesMillis();
    double[] values =
        switch (column) {
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
   * The rollout timeline: a row per service (in order of first rollout), a bar per rollout from its
   * start to its end (to the horizon if unfinished), each platform in its own band of the row (the
   * first platform at the top); app releases solid, base-image changes lighter.
   */
  public static JFreeChart rollouts(ComparisonResult r) {
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (PlatformResult side : r.platforms()) {
      for (RolloutRecord ro : side.rollouts()) {
        rows.putIfAbsent(ro.release().service(), rows.size());
      }
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    XYBarRenderer renderer = new XYBarRenderer();
    int n = r.platforms().size();
    for (int i = 0; i < n; i++) {
      PlatformResult p = r.platforms().get(i);
      data.addSeries(
          bars(p.label() + " app release", p, Release.Kind.APP, rows, i, n, r.horizonMillis()));
      data.addSeries(
          bars(
              p.label() + " base-image change",
              p,
              Release.Kind.BASE_IMAGE,
              rows,
              i,
              n,
              r.horizonMillis()));
      renderer.setSeriesPaint(2 * i, SOLID[i % SOLID.length]);
      renderer.setSeriesPaint(2 * i + 1, LIGHT[i % LIGHT.length]);
    }
    renderer.setUseYInterval(true);
    renderer.setShadowVisible(false);
    renderer.setBarPainter(new StandardXYBarPainter());
    NumberAxis x = new NumberAxis("simulated time [h]");
    NumberAxis y = new NumberAxis("service (row number, in order of first rollout)");
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    y.setInverted(true);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    StringBuilder order = new StringBuilder();
    for (PlatformResult p : r.platforms()) {
      order.append(order.length() == 0 ? "" : ", ").append(p.label());
    }
    return new JFreeChart(
        "Rollout timeline — scenario '"
            + r.scenario()
            + "', replication 0 (bands top to bottom: "
            + order
            + ")",
        JFreeChart.DEFAULT_TITLE_FONT,
        plot,
        true);
  }

  /**
   * Bars of {@code side} in band {@code band} of {@code bands} (0 at the top) of each service's
   * row.
   */
  private static XYIntervalSeries bars(
      String name,
      PlatformResult side,
      Release.Kind kind,
      Map<String, Integer> rows,
      int band,
      int bands,
      long horizon) {
    XYIntervalSeries s = new XYIntervalSeries(name);
    double width = 0.8 / bands;
    for (RolloutRecord ro : side.rollouts()) {
      if (ro.release().kind() != kind) {
        continue;
      }
      double start = ro.startMillis() / 3_600_000.0;
      double end = (ro.endMillis() < 0 ? horizon : ro.endMillis()) / 3_600_000.0;
      double row = rows.get(ro.release().service());
      // The y axis is inverted (first row at the top); a row spans row - 0.4 .. row + 0.4, with a
      // 0.02 gap between neighbouring bands.
      double low = row - 0.4 + band * width + (band > 0 ? 0.02 : 0);
      double high = row - 0.4 + (band + 1) * width - (band < bands - 1 ? 0.02 : 0);
      s.add(start, start, end, row, low, high);
    }
    return s;
  }
}
