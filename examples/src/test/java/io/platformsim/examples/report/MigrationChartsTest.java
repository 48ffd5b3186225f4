package io.platformsim.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.experiment.migration.MigrationResult;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration charts read from their JFreeChart objects before rendering: title, axis labels,
 * series names and the plotted values of {@link HandMadeMigration} (derived in its comment).
 */
class MigrationChartsTest {

  private final MigrationResult r = HandMadeMigration.result();

  @Test
  void costChartStacksBothPlatformsAndDrawsBothBaselines() {
    JFreeChart chart = MigrationCharts.cost(r);
    XYPlot plot = chart.getXYPlot();
    assertEquals(
        "Migration cost per hour — scenario 'hand-made', mean of 2 replications",
        chart.getTitle().getText());
    assertEquals("month from the plan's start (730 h each)", plot.getDomainAxis().getLabel());
    assertEquals("USD per hour", plot.getRangeAxis().getLabel());
    assertEquals(List.of("LeSP", "KuSP"), names(plot.getDataset(0)));
    assertEquals(List.of("stay on LeSP", "big bang"), names(plot.getDataset(1)));
    // The stacked areas are the months' LeSP and KuSP cost per hour.
    assertEquals(List.of(10.0, 6.0, 0.0), ys(plot.getDataset(0), 0));
    assertEquals(List.of(0.0, 4.0, 5.0), ys(plot.getDataset(0), 1));
    // Baselines from their cumulative cost: (7300 - 0) / 730 = 10, (14600 - 7300) / 730 = 10, ...;
    // big bang 7300 / 730 = 10, (10950 - 7300) / 730 = 5, (14600 - 10950) / 730 = 5.
    assertEquals(List.of(10.0, 10.0, 10.0), ys(plot.getDataset(1), 0));
    assertEquals(List.of(10.0, 5.0, 5.0), ys(plot.getDataset(1), 1));
  }

  @Test
  void servicesChartStacksTheThreeSidesToTheServiceCount() {
    JFreeChart chart = MigrationCharts.servicesBySide(r);
    XYPlot plot = chart.getXYPlot();
    assertEquals(
        "Services by side — scenario 'hand-made', mean of 2 replications",
        chart.getTitle().getText());
    assertEquals("month from the plan's start (730 h each)", plot.getDomainAxis().getLabel());
    assertEquals("services", plot.getRangeAxis().getLabel());
    assertEquals(List.of("on LeSP", "dual running", "on KuSP"), names(plot.getDataset()));
    XYDataset d = plot.getDataset();
    for (int month = 0; month < 3; month++) {
      double stack = 0;
      for (int s = 0; s < 3; s++) {
        stack += d.getYValue(s, month);
      }
      assertEquals(4, stack, 1e-9, "4 services in month " + month);
    }
  }

  @Test
  void writesBothPngsOfTheChartSize(@TempDir Path dir) throws Exception {
    List<Path> files = MigrationCharts.write(r, dir.resolve("charts"));
    assertEquals(2, files.size());
    for (String name : MigrationCharts.FILES) {
      Path png = dir.resolve("charts").resolve(name);
      assertTrue(Files.size(png) > 1000, name);
      BufferedImage image = ImageIO.read(png.toFile());
      assertEquals(MigrationCharts.WIDTH, image.getWidth());
      assertEquals(MigrationCharts.HEIGHT, image.getHeight());
    }
  }

  private static List<String> names(XYDataset d) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < d.getSeriesCount(); i++) {
      names.add(d.getSeriesKey(i).toString());
    }
    return names;
  }

  private static List<Double> ys(XYDataset d, int series) {
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < d.getItemCount(series); i++) {
      ys.add(d.getYValue(series, i));
    }
    return ys;
  }
}
