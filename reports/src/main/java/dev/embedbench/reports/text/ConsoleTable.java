package dev.embedbench.reports.text;

import dev.embedbench.reports.format.Figures;
import dev.embedbench.reports.model.CostAnswer;
import dev.embedbench.reports.model.ReportInput;
import dev.embedbench.reports.table.AnswerTables;
import dev.embedbench.reports.table.Cell;
import dev.embedbench.reports.table.ReportTables;
import dev.embedbench.reports.table.Row;
import dev.embedbench.reports.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The report's key columns as aligned plain text: the same figures as report.html and report.md.
 */
public final class ConsoleTable {

  private static final Set<String> MODEL_COLUMNS =
      Set.of(
          "model",
          "provenance",
          "achieved-rate-per-s",
          "p50-ms",
          "p99-ms",
          "p999-ms",
          "failed",
          "status");
  private static final Set<String> COST_COLUMNS =
      Set.of(
          "model",
          "provenance",
          "instances",
          "usd-per-million-requests",
          "usd-per-year",
          "savings",
          "quality");

  private ConsoleTable() {}

  public static String render(ReportInput input) {
    StringBuilder out = new StringBuilder();
    if (!input.models().isEmpty()) {
      out.append(render(ReportTables.models(input.models()), MODEL_COLUMNS));
    }
    if (input.answer().isPresent()) {
      // The fleet, then the answer last: the table a user takes away, as report.md and report.html
      // open with it.
      CostAnswer answer = input.answer().get();
      Table fleet = AnswerTables.fleet(answer);
      out.append('\n')
          .append("Whole instances at ")
          .append(Figures.number(answer.requestsPerDay()))
          .append(" requests/day (")
          .append(answer.scenario())
          .append(")\n");
      out.append(render(fleet, Set.copyOf(metrics(fleet))));
      Table headline = AnswerTables.headline(answer);
      out.append('\n')
          .append("Unit cost at measured capacity (saving against ")
          .append(answer.baselineModel())
          .append("; ≥ / ≤ mark bounds)\n");
      out.append(render(headline, Set.copyOf(metrics(headline))));
      if (!answer.auditSentence().isEmpty()) {
        out.append(answer.auditSentence()).append('\n');
      }
      return out.toString();
    }
    input
        .cost()
        .filter(cost -> !cost.rows().isEmpty())
        .ifPresent(
            cost -> {
              out.append('\n').append("Cost: ").append(cost.scenario()).append('\n');
              out.append(render(ReportTables.cost(cost), COST_COLUMNS));
            });
    return out.toString();
  }

  private static List<String> metrics(Table table) {
    return table.rows().isEmpty()
        ? List.of()
        : table.rows().get(0).cells().stream().map(Cell::metric).toList();
  }

  static String render(Table table, Set<String> columns) {
    List<Integer> kept = new ArrayList<>();
    List<Cell> firstRow = table.rows().isEmpty() ? List.of() : table.rows().get(0).cells();
    for (int i = 0; i < table.headers().size(); i++) {
      if (!firstRow.isEmpty() && columns.contains(firstRow.get(i).metric())) {
        kept.add(i);
      }
    }
    int[] widths = new int[kept.size()];
    for (int k = 0; k < kept.size(); k++) {
      widths[k] = table.headers().get(kept.get(k)).length();
      for (Row row : table.rows()) {
        widths[k] = Math.max(widths[k], row.cells().get(kept.get(k)).text().length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < kept.size(); k++) {
      pad(out, table.headers().get(kept.get(k)), widths[k], false);
    }
    trimLine(out);
    for (Row row : table.rows()) {
      for (int k = 0; k < kept.size(); k++) {
        Cell cell = row.cells().get(kept.get(k));
        pad(out, cell.text(), widths[k], cell.numeric());
      }
      trimLine(out);
    }
    return out.toString();
  }

  private static void pad(StringBuilder out, String text, int width, boolean right) {
    String padding = " ".repeat(width - text.length());
    out.append(right ? padding + text : text + padding).append("  ");
  }

  private static void trimLine(StringBuilder out) {
    while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
      out.setLength(out.length() - 1);
    }
    out.append('\n');
  }
}
