package dev.embedbench.reports.markdown;

import dev.embedbench.reports.csv.CsvTables;
import dev.embedbench.reports.format.Escape;
import dev.embedbench.reports.model.ModelReport;
import dev.embedbench.reports.model.ReportInput;
import dev.embedbench.reports.table.AnswerTables;
import dev.embedbench.reports.table.Cell;
import dev.embedbench.reports.table.ReportTables;
import dev.embedbench.reports.table.Row;
import dev.embedbench.reports.table.Table;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Renders the report as Markdown: the answer first, then provenance and the same tables as the HTML
 * report.
 */
public final class MarkdownReport {

  private MarkdownReport() {}

  public static String render(ReportInput input) {
    StringBuilder md = new StringBuilder(16 * 1024);
    md.append("# ").append(Escape.markdownCell(input.title())).append("\n\n");
    md.append("Generated ")
        .append(
            DateTimeFormatter.ISO_INSTANT.format(
                input.generatedAt().truncatedTo(ChronoUnit.SECONDS)))
        .append(" by `embedbench report`. Charts are in `report.html`.\n\n");
    input
        .answer()
        .ifPresent(
            answer -> {
              section(
                  md, "The answer: unit cost at measured capacity", AnswerTables.headline(answer));
              if (!answer.auditSentence().isEmpty()) {
                md.append(Escape.markdownCell(answer.auditSentence())).append("\n\n");
              }
            });
    if (!input.models().isEmpty()) {
      md.append("**Provenance**\n\n");
      for (ModelReport model : input.models()) {
        md.append("- ")
            .append(Escape.markdownCell(model.modelName()))
            .append(": ")
            .append(Escape.markdownCell(model.provenance().label()))
            .append('\n');
      }
      md.append('\n');
      if (input.models().stream().anyMatch(model -> model.provenance().isStandIn())) {
        md.append(
            "> **Note:** some figures come from emulated latency profiles or synthetic random weights; "
                + "they show how the system behaves, not how the real model performs on the named hardware.\n\n");
      }
      section(md, "Latency and throughput", ReportTables.models(input.models()));
      List<ModelReport> swept =
          input.models().stream().filter(model -> model.sweep().isPresent()).toList();
      if (!swept.isEmpty()) {
        section(md, "Sweep steps", ReportTables.sweepSteps(swept));
      }
    }
    input
        .answer()
        .ifPresent(
            answer -> {
              section(md, "Savings across demand (whole instances)", AnswerTables.fleet(answer));
              md.append("The saving at every demand from 1/100 to 100× the scenario's is in `")
                  .append(CsvTables.DEMAND_FILE)
                  .append("` and charted in `report.html`.\n\n");
              if (!answer.breakEvens().isEmpty()) {
                section(md, "Break-even demands", AnswerTables.breakEvens(answer));
              }
            });
    input
        .cost()
        .filter(cost -> !cost.rows().isEmpty())
        .ifPresent(cost -> section(md, "Cost", ReportTables.cost(cost)));
    if (!input.audit().isEmpty()) {
      section(md, "Claim audit", ReportTables.audit(input.audit()));
    }
    md.append("Run directories: ");
    md.append(
        String.join(
            ", ",
            input.sourceDirs().stream().map(dir -> "`" + dir.replace("`", "'") + "`").toList()));
    md.append('\n');
    return md.toString();
  }

  static void section(StringBuilder md, String heading, Table table) {
    md.append("## ").append(heading).append("\n\n");
    md.append(Escape.markdownCell(table.caption())).append("\n\n");
    md.append('|');
    for (String header : table.headers()) {
      md.append(' ').append(Escape.markdownCell(header)).append(" |");
    }
    md.append("\n|");
    for (int i = 0; i < table.headers().size(); i++) {
      md.append(i >= 2 && isNumeric(table, i) ? "---:|" : "---|");
    }
    md.append('\n');
    for (Row row : table.rows()) {
      md.append('|');
      for (Cell cell : row.cells()) {
        String text = Escape.markdownCell(cell.text());
        md.append(' ')
            .append(cell.metric().equals("verdict-flagged") ? "**" + text + "**" : text)
            .append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }

  private static boolean isNumeric(Table table, int column) {
    return !table.rows().isEmpty() && table.rows().get(0).cells().get(column).numeric();
  }
}
