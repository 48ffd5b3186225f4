package io.platformsim.core.output;

import java.util.List;

/**
 * Plain-text tables as the reports print them: columns two spaces apart, padded to the widest cell.
 */
public final class TextTable {

  private TextTable() {}

  /**
   * {@code rows} (the header first; every row as long as the first) as lines: the first {@code
   * leftColumns} columns left-aligned, the others right-aligned, trailing spaces stripped, each
   * line ending with the platform's line separator.
   */
  public static String align(List<String[]> rows, int leftColumns) {
    int cols = rows.get(0).length;
    int[] w = new int[cols];
    for (String[] row : rows) {
      for (int c = 0; c < cols; c++) {
        w[c] = Math.max(w[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < cols; c++) {
        if (c > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(w[c] - row[c].length());
        line.append(c < leftColumns ? row[c] + pad : pad + row[c]);
      }
      out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
    return out.toString();
  }
}
