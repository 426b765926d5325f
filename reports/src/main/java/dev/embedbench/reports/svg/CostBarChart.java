package dev.embedbench.reports.svg;

import dev.embedbench.reports.format.Figures;
import dev.embedbench.reports.model.CostRow;
import dev.embedbench.reports.model.CostSection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Horizontal bars per model: dollars per million requests, and dollars per year for the demand. */
public final class CostBarChart {

  private static final int WIDTH_PX = 1200;
  private static final int LABEL_WIDTH_PX = 360;

  /**
   * The height of a row whose name and provenance each fit on one line; longer ones wrap and grow
   * it.
   */
  private static final int ROW_HEIGHT_PX = 40;

  private static final int NAME_LINE_PX = 16;
  private static final int PROVENANCE_LINE_PX = 13;
  private static final int PANEL_HEADER_PX = 40;
  private static final int PANEL_FOOTER_PX = 60;
  private static final int MARGIN_PX = 20;

  /** Model names and provenance labels sit right-aligned between the margin and the bars. */
  private static final int LABEL_TEXT_WIDTH_PX = LABEL_WIDTH_PX - 10 - MARGIN_PX;

  /** One bar's labels, wrapped to the label column, and the height of its row. */
  private record RowLabels(List<String> name, List<String> provenance, int heightPx) {

    static RowLabels of(CostRow row, String baselineModel) {
      String name = row.modelName() + (row.modelName().equals(baselineModel) ? " (baseline)" : "");
      List<String> nameLines = TextWidth.wrap(name, LABEL_TEXT_WIDTH_PX, 14, true);
      List<String> provenanceLines =
          TextWidth.wrap(
              row.provenanceLabel() + " · " + row.gpuName(), LABEL_TEXT_WIDTH_PX, 11, false);
      int height =
          ROW_HEIGHT_PX
              + (nameLines.size() - 1) * NAME_LINE_PX
              + (provenanceLines.size() - 1) * PROVENANCE_LINE_PX;
      return new RowLabels(nameLines, provenanceLines, height);
    }
  }

  private CostBarChart() {}

  public static String render(String id, CostSection cost, SeriesStyles styles) {
    List<CostRow> rows = cost.rows();
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("the cost chart needs at least one cost row");
    }
    List<RowLabels> labels =
        rows.stream().map(row -> RowLabels.of(row, cost.baselineModel())).toList();
    int rowsHeight = labels.stream().mapToInt(RowLabels::heightPx).sum();
    int panelHeight = PANEL_HEADER_PX + rowsHeight + PANEL_FOOTER_PX;
    String subtitle =
        "Scenario: "
            + cost.scenario()
            + ". Each bar is labelled with where its capacity came from "
            + "(measured run or stated figure).";
    int subtitleWidthPx = WIDTH_PX - 2 * MARGIN_PX;
    int subtitleLines = TextWidth.wrap(subtitle, subtitleWidthPx, 13, false).size();
    int top = 44 + subtitleLines * 18;
    int height = top + 2 * panelHeight;
    Svg svg = new Svg(id, "Cost per million requests and per year, per model", WIDTH_PX, height);
    svg.text(MARGIN_PX, 28, "Cost per model", "start", 17, true);
    svg.wrappedText(MARGIN_PX, 50, subtitle, subtitleWidthPx, 13, 18);
    panel(
        svg,
        "usd-per-million-requests",
        "Cost per million requests (USD)",
        rows,
        labels,
        top,
        CostRow::usdPerMillionRequests,
        styles);
    panel(
        svg,
        "usd-per-year",
        "Cost per year for the demand (USD)",
        rows,
        labels,
        top + panelHeight,
        CostRow::usdPerYear,
        styles);
    return svg.finish();
  }

  private static void panel(
      Svg svg,
      String metric,
      String title,
      List<CostRow> rows,
      List<RowLabels> labels,
      double top,
      ToDoubleFunction<CostRow> value,
      SeriesStyles styles) {
    double max = rows.stream().mapToDouble(value).max().orElse(0);
    PlotArea area =
        new PlotArea(
            LABEL_WIDTH_PX,
            top + PANEL_HEADER_PX,
            WIDTH_PX - LABEL_WIDTH_PX - 110,
            labels.stream().mapToInt(RowLabels::heightPx).sum());
    LinearScale x = new LinearScale(0, max, true, area.left(), area.right());
    svg.text(MARGIN_PX, top + 24, title, "start", 15, true);
    for (Tick tick : x.ticks()) {
      double px = x.pixel(tick.value());
      svg.line(px, area.top(), px, area.bottom(), "#dddddd", 1, "");
      svg.text(px, area.bottom() + 20, "$" + tick.label(), "middle", 13, false);
    }
    svg.line(area.left(), area.bottom(), area.right(), area.bottom(), "#333333", 1.5, "");
    svg.line(area.left(), area.top(), area.left(), area.bottom(), "#333333", 1.5, "");
    svg.text(area.left() + area.width() / 2, area.bottom() + 44, title, "middle", 14, true);
    svg.openGroup("bars", Map.of("metric", metric));
    double rowTop = area.top();
    for (int i = 0; i < rows.size(); i++) {
      CostRow row = rows.get(i);
      RowLabels label = labels.get(i);
      SeriesStyle style = styles.of(row.modelName());
      double barTop = rowTop + 7;
      double amount = value.applyAsDouble(row);
      double barEnd = x.pixel(amount);
      Map<String, String> data = new LinkedHashMap<>();
      data.put("model", row.modelName());
      data.put("provenance", row.provenanceLabel());
      data.put("value-usd", Double.toString(amount));
      svg.rect(
          area.left(),
          barTop,
          Math.max(barEnd - area.left(), 1),
          ROW_HEIGHT_PX - 14,
          style.barFill(),
          style.colour(),
          data);
      double baseline = barTop + 11;
      for (String line : label.name()) {
        svg.text(area.left() - 10, baseline, line, "end", 14, true);
        baseline += NAME_LINE_PX;
      }
      baseline -= 1;
      for (String line : label.provenance()) {
        svg.text(area.left() - 10, baseline, line, "end", 11, false);
        baseline += PROVENANCE_LINE_PX;
      }
      svg.text(barEnd + 6, barTop + 18, Figures.usd(amount), "start", 13, false);
      rowTop += label.heightPx();
    }
    svg.closeGroup();
  }
}
