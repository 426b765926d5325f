package dev.embedbench.reports.table;

import java.util.List;

/** A captioned table; every row has one cell per header. */
public record Table(String id, String caption, List<String> headers, List<Row> rows) {

  public Table {
    headers = List.copyOf(headers);
    rows = List.copyOf(rows);
    for (Row row : rows) {
      if (row.cells().size() != headers.size()) {
        throw new IllegalArgumentException(
            "table "
                + id
                + ": row '"
                + row.key()
                + "' has "
                + row.cells().size()
                + " cells for "
                + headers.size()
                + " headers");
      }
    }
  }
}
