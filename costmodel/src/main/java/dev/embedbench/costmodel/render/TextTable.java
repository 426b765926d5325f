package dev.embedbench.costmodel.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table: left-aligned text, right-aligned numbers, two spaces between columns. */
final class TextTable {

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... headers) {
    this.headers = List.of(headers);
  }

  TextTable row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "a row must have " + headers.size() + " cells, had " + cells.length);
    }
    rows.add(Arrays.asList(cells));
    return this;
  }

  void appendTo(StringBuilder out) {
    int[] widths = new int[headers.size()];
    boolean[] numeric = new boolean[headers.size()];
    Arrays.fill(numeric, true);
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
        numeric[c] &= row.get(c).matches("[-+$]?[-+$0-9.,%x ]*|-");
      }
    }
    line(out, headers, widths, numeric);
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
    }
    out.append(rule).append('\n');
    for (List<String> row : rows) {
      line(out, row, widths, numeric);
    }
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths, boolean[] numeric) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - cell.length());
      line.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + cell : cell + pad);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}
