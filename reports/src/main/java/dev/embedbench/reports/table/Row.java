package dev.embedbench.reports.table;

import java.util.List;

/** A table row, keyed by the model it is about (or the claim, for the audit). */
public record Row(String key, List<Cell> cells) {

  public Row {
    cells = List.copyOf(cells);
  }
}
