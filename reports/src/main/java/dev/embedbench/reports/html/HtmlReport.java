package dev.embedbench.reports.html;

import dev.embedbench.reports.csv.CsvTables;
import dev.embedbench.reports.format.Escape;
import dev.embedbench.reports.model.CostAnswer;
import dev.embedbench.reports.model.CostSection;
import dev.embedbench.reports.model.ModelReport;
import dev.embedbench.reports.model.ReportInput;
import dev.embedbench.reports.svg.CostBarChart;
import dev.embedbench.reports.svg.CostQualityChart;
import dev.embedbench.reports.svg.DemandChart;
import dev.embedbench.reports.svg.SeriesStyles;
import dev.embedbench.reports.svg.SpectrumChart;
import dev.embedbench.reports.svg.ThroughputChart;
import dev.embedbench.reports.table.AnswerTables;
import dev.embedbench.reports.table.Cell;
import dev.embedbench.reports.table.ReportTables;
import dev.embedbench.reports.table.Row;
import dev.embedbench.reports.table.Table;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Renders the whole report as one self-contained HTML page. */
public final class HtmlReport {

  /**
   * Only inline styles and data: images may load; anything else fails visibly in the browser
   * console.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  private static final String STYLE =
      String.join(
          "\n",
          "body{font-family:sans-serif;font-size:15px;line-height:1.45;color:#111;margin:0 auto;max-width:1240px;"
              + "padding:16px 20px;background:#fff}",
          "h1{font-size:26px;margin:8px 0}h2{font-size:21px;margin:28px 0 8px;border-bottom:2px solid #333}",
          "figure.chart{margin:16px 0;padding:0}figure.chart svg{max-width:100%;height:auto;border:1px solid #ccc}",
          "figcaption{font-size:14px;color:#333;margin-top:4px}",
          "table{border-collapse:collapse;margin:10px 0 18px;font-size:13px}",
          "caption{text-align:left;font-size:14px;color:#333;padding:4px 0;caption-side:top}",
          "th,td{border:1px solid #999;padding:4px 7px;vertical-align:top}th{background:#eee;text-align:left}",
          "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
          ".warning{border:2px solid #333;background:#f3f3f3;padding:8px 12px;font-weight:bold}",
          "td[data-metric=verdict-flagged]{font-weight:bold;text-decoration:underline}",
          "#answer{border:3px solid #222;padding:4px 14px 10px;margin:16px 0;background:#fafafa}",
          ".provenance{font-size:14px}.sources{font-size:13px;color:#333;word-break:break-all}");

  private HtmlReport() {}

  public static String render(ReportInput input) {
    HtmlBuilder html = new HtmlBuilder();
    html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .raw(
            "<meta http-equiv=\"Content-Security-Policy\" content=\""
                + CONTENT_SECURITY_POLICY
                + "\"/>\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .element("title", input.title())
        .raw("<style>\n" + STYLE + "\n</style>\n</head>\n<body>\n");
    header(html, input);
    List<ModelReport> models = input.models();
    SeriesStyles styles = styles(input);
    input.answer().ifPresent(answer -> answerBox(html, answer));
    warning(html, input);
    if (!models.isEmpty()) {
      html.open("section", "latency").element("h2", "Latency and throughput");
      figure(
          html, "figure-spectrum", SpectrumChart.render("chart-spectrum", models, styles), models);
      table(html, ReportTables.models(models));
      html.close("section");
    }
    List<ModelReport> swept = models.stream().filter(model -> model.sweep().isPresent()).toList();
    if (!swept.isEmpty()) {
      html.open("section", "sweeps").element("h2", "Sweeps: throughput against p99");
      figure(
          html,
          "figure-throughput",
          ThroughputChart.render("chart-throughput", swept, styles),
          swept);
      table(html, ReportTables.sweepSteps(swept));
      html.close("section");
    }
    input.answer().ifPresent(answer -> acrossDemand(html, answer, styles));
    if (input.cost().isPresent() && !input.cost().get().rows().isEmpty()) {
      cost(html, input.cost().get(), styles);
    }
    if (!input.audit().isEmpty()) {
      html.open("section", "audit").element("h2", "Claim audit");
      table(html, ReportTables.audit(input.audit()));
      html.close("section");
    }
    html.raw("<footer class=\"sources\" id=\"sources\">Run directories: ")
        .raw(Escape.xml(String.join(", ", input.sourceDirs())))
        .raw("</footer>\n");
    html.raw("</body>\n</html>\n");
    return html.toString();
  }

  /** Measured models first, in report order, then any model that only has a cost row. */
  private static SeriesStyles styles(ReportInput input) {
    List<String> names = new ArrayList<>();
    input.models().forEach(model -> names.add(model.modelName()));
    input.cost().ifPresent(cost -> cost.rows().forEach(row -> names.add(row.modelName())));
    input.answer().ifPresent(answer -> answer.rows().forEach(row -> names.add(row.modelName())));
    return new SeriesStyles(names);
  }

  private static void header(HtmlBuilder html, ReportInput input) {
    html.raw("<header>\n")
        .element("h1", input.title())
        .element(
            "p",
            "Generated "
                + DateTimeFormatter.ISO_INSTANT.format(
                    input.generatedAt().truncatedTo(ChronoUnit.SECONDS))
                + " by embedbench report, from the run directories listed at the end.");
    if (!input.models().isEmpty()) {
      html.raw("<ul class=\"provenance\" id=\"provenance\">\n");
      for (ModelReport model : input.models()) {
        html.element("li", model.modelName() + " — " + model.provenance().label());
      }
      html.raw("</ul>\n");
    }
    html.raw("</header>\n");
  }

  private static void warning(HtmlBuilder html, ReportInput input) {
    boolean standIns = input.models().stream().anyMatch(model -> model.provenance().isStandIn());
    if (standIns) {
      html.element(
          "p",
          "warning",
          "Some figures come from emulated latency profiles or synthetic random "
              + "weights: they show how the system behaves, not how the real model performs on the named hardware. "
              + "Each chart and table says which.");
    }
  }

  /**
   * The first box: per model the unit cost, the saving, the capacity with its bounds and
   * provenance.
   */
  private static void answerBox(HtmlBuilder html, CostAnswer answer) {
    html.open("section", "answer").element("h2", "The answer: unit cost at measured capacity");
    table(html, AnswerTables.headline(answer));
    if (!answer.auditSentence().isEmpty()) {
      html.element("p", "audit-sentence", answer.auditSentence());
    }
    html.close("section");
  }

  private static void acrossDemand(HtmlBuilder html, CostAnswer answer, SeriesStyles styles) {
    html.open("section", "demand").element("h2", "Savings across demand (whole instances)");
    table(html, AnswerTables.fleet(answer));
    html.raw("<figure class=\"chart\" id=\"figure-demand\">\n")
        .raw(DemandChart.render("chart-demand", answer, styles))
        .element(
            "figcaption",
            "Whole-instance fleet cost for 1/100 to 100× the scenario's demand; every point is in "
                + CsvTables.DEMAND_FILE
                + ". Capacity sources: "
                + String.join(
                    "; ",
                    answer.rows().stream()
                        .map(row -> row.modelName() + ": " + row.provenanceLabel())
                        .toList())
                + ".")
        .raw("</figure>\n");
    if (!answer.breakEvens().isEmpty()) {
      table(html, AnswerTables.breakEvens(answer));
    }
    html.close("section");
  }

  private static void cost(HtmlBuilder html, CostSection cost, SeriesStyles styles) {
    html.open("section", "cost").element("h2", "Cost");
    String labels = costProvenance(cost);
    html.raw("<figure class=\"chart\" id=\"figure-cost\">\n")
        .raw(CostBarChart.render("chart-cost", cost, styles))
        .element("figcaption", "Capacity sources: " + labels)
        .raw("</figure>\n");
    table(html, ReportTables.cost(cost));
    if (CostQualityChart.drawable(cost)) {
      html.raw("<figure class=\"chart\" id=\"figure-cost-quality\">\n")
          .raw(CostQualityChart.render("chart-cost-quality", cost, styles))
          .element(
              "figcaption",
              "Capacity sources: " + labels + ". Quality: " + cost.qualityMetric() + ".")
          .raw("</figure>\n");
    }
    html.close("section");
  }

  private static String costProvenance(CostSection cost) {
    return String.join(
        "; ",
        cost.rows().stream()
            .map(row -> row.modelName() + ": " + row.provenanceLabel() + " on " + row.gpuName())
            .toList());
  }

  private static void figure(HtmlBuilder html, String id, String svg, List<ModelReport> models) {
    html.raw("<figure class=\"chart\" id=\"" + id + "\">\n")
        .raw(svg)
        .element("figcaption", "Provenance: " + ReportTables.provenanceLine(models) + ".")
        .raw("</figure>\n");
  }

  static void table(HtmlBuilder html, Table table) {
    html.table(table.id(), table.caption(), table.headers());
    for (Row row : table.rows()) {
      html.openRow(row.key());
      for (Cell cell : row.cells()) {
        if (cell.numeric()) {
          html.number(cell.metric(), cell.text());
        } else {
          html.cell(cell.metric(), cell.text());
        }
      }
      html.closeRow();
    }
    html.endTable();
  }
}
