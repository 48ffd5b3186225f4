package io.platformsim.core.experiment;

import io.platformsim.core.output.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result of a {@link Sweep}: one {@link Cell} per combination of settings, each a full {@link
 * ComparisonResult}. Immutable; {@code toString()} is an aligned table of the headline figures
 * (cost, machines, CPU allocation, rollout p95), {@link #toCsv()} the same as CSV.
 *
 * @param cells the cells, KuSP node type outer, LeSP headroom inner
 */
public record SweepTable(List<Cell> cells) {

  /**
   * One combination.
   *
   * @param nodeType KuSP node type name
   * @param headroom LeSP pool headroom (fraction)
   * @param result the comparison under these settings
   */
  public record Cell(String nodeType, double headroom, ComparisonResult result) {}

  private static final Figure[] SHOWN = {
    Figure.COST_PER_HOUR, Figure.MACHINES, Figure.CPU_ALLOCATION, Figure.ROLLOUT_P95
  };

  /** Copies the cells. */
  public SweepTable {
    cells = List.copyOf(cells);
  }

  /** The cell for {@code nodeType} and {@code headroom}; unknown ones are an error naming them. */
  public Cell cell(String nodeType, double headroom) {
    for (Cell c : cells) {
      if (c.nodeType().equals(nodeType) && c.headroom() == headroom) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "no cell for node type '" + nodeType + "' and headroom " + headroom);
  }

  /** The table as CSV: settings, then LeSP, KuSP and ratio means of the headline figures. */
  public String toCsv() {
    StringBuilder sb = new StringBuilder("kusp_node_type,lesp_headroom");
    for (Figure f : SHOWN) {
      sb.append(',')
          .append("lesp_")
          .append(f.key())
          .append(',')
          .append("kusp_")
          .append(f.key())
          .append(',')
          .append("ratio_")
          .append(f.key());
    }
    sb.append('\n');
    for (Cell c : cells) {
      sb.append(ComparisonReport.csv(c.nodeType()))
          .append(',')
          .append(ComparisonReport.num(c.headroom()));
      for (Figure f : SHOWN) {
        sb.append(',')
            .append(ComparisonReport.num(c.result().lesp().mean(f)))
            .append(',')
            .append(ComparisonReport.num(c.result().kusp().mean(f)))
            .append(',')
            .append(ComparisonReport.num(c.result().ratio(f)));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    List<String[]> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("KuSP node", "LeSP headroom"));
    for (Figure f : SHOWN) {
      String u = f.unit().isEmpty() ? "" : " [" + f.unit() + "]";
      header.add("LeSP " + f.label() + u);
      header.add("KuSP " + f.label() + u);
      header.add("ratio");
    }
    rows.add(header.toArray(new String[0]));
    for (Cell c : cells) {
      List<String> row =
          new ArrayList<>(
              List.of(c.nodeType(), String.format(Locale.ROOT, "%.0f%%", 100 * c.headroom())));
      for (Figure f : SHOWN) {
        row.add(
            c.result()
                .lesp()
                .estimate(f)
                .map(e -> ComparisonReport.formatEstimate(f, e))
                .orElse("n/a"));
        row.add(
            c.result()
                .kusp()
                .estimate(f)
                .map(e -> ComparisonReport.formatEstimate(f, e))
                .orElse("n/a"));
        double r = c.result().ratio(f);
        row.add(Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.2fx", r));
      }
      rows.add(row.toArray(new String[0]));
    }
    return TextTable.align(rows, 2);
  }
}
