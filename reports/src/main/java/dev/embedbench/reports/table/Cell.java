package dev.embedbench.reports.table;

/**
 * One formatted table cell.
 *
 * @param metric a stable key for the column, e.g. {@code "p99-ms"}; tests and scripts find figures
 *     by it
 * @param numeric true for figures (right-aligned)
 */
public record Cell(String metric, String text, boolean numeric) {

  public static Cell text(String metric, String text) {
    return new Cell(metric, text, false);
  }

  public static Cell number(String metric, String text) {
    return new Cell(metric, text, true);
  }
}
