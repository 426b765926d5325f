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
  private static final int ROW_HEIGHT_PX = 40;
  private static final int PANEL_HEADER_PX = 40;
  private static final int PANEL_FOOTER_PX = 60;
  /** About 1,100 px of 13 px sans-serif. */
  private static final int SUBTITLE_CHARS = 170;

  private CostBarChart() {
  }

  public static String render(String id, CostSection cost, SeriesStyles styles) {
    List<CostRow> rows = cost.rows();
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("the cost chart needs at least one cost row");
    }
    int panelHeight = PANEL_HEADER_PX + rows.size() * ROW_HEIGHT_PX + PANEL_FOOTER_PX;
    String subtitle = "Scenario: " + cost.scenario() + ". Each bar is labelled with where its capacity came from "
        + "(measured run or stated figure).";
    int subtitleLines = Svg.wrap(subtitle, SUBTITLE_CHARS).size();
    int top = 44 + subtitleLines * 18;
    int height = top + 2 * panelHeight;
    Svg svg = new Svg(id, "Cost per million requests and per year, per model", WIDTH_PX, height);
    svg.text(20, 28, "Cost per model", "start", 17, true);
    svg.wrappedText(20, 50, subtitle, SUBTITLE_CHARS, 13, 18);
    panel(svg, "usd-per-million-requests", "Cost per million requests (USD)", rows, top,
        CostRow::usdPerMillionRequests, cost.baselineModel(), styles);
    panel(svg, "usd-per-year", "Cost per year for the demand (USD)", rows, top + panelHeight,
        CostRow::usdPerYear, cost.baselineModel(), styles);
    return svg.finish();
  }

  private static void panel(Svg svg, String metric, String title, List<CostRow> rows, double top,
      ToDoubleFunction<CostRow> value, String baselineModel, SeriesStyles styles) {
    double max = rows.stream().mapToDouble(value).max().orElse(0);
    PlotArea area = new PlotArea(LABEL_WIDTH_PX, top + PANEL_HEADER_PX, WIDTH_PX - LABEL_WIDTH_PX - 110,
        rows.size() * ROW_HEIGHT_PX);
    LinearScale x = new LinearScale(0, max, true, area.left(), area.right());
    svg.text(20, top + 24, title, "start", 15, true);
    for (Tick tick : x.ticks()) {
      double px = x.pixel(tick.value());
      svg.line(px, area.top(), px, area.bottom(), "#dddddd", 1, "");
      svg.text(px, area.bottom() + 20, "$" + tick.label(), "middle", 13, false);
    }
    svg.line(area.left(), area.bottom(), area.right(), area.bottom(), "#333333", 1.5, "");
    svg.line(area.left(), area.top(), area.left(), area.bottom(), "#333333", 1.5, "");
    svg.text(area.left() + area.width() / 2, area.bottom() + 44, title, "middle", 14, true);
    svg.openGroup("bars", Map.of("metric", metric));
    for (int i = 0; i < rows.size(); i++) {
      CostRow row = rows.get(i);
      SeriesStyle style = styles.of(row.modelName());
      double barTop = area.top() + i * ROW_HEIGHT_PX + 7;
      double amount = value.applyAsDouble(row);
      double barEnd = x.pixel(amount);
      Map<String, String> data = new LinkedHashMap<>();
      data.put("model", row.modelName());
      data.put("provenance", row.provenanceLabel());
      data.put("value-usd", Double.toString(amount));
      svg.rect(area.left(), barTop, Math.max(barEnd - area.left(), 1), ROW_HEIGHT_PX - 14, style.barFill(),
          style.colour(), data);
      String name = row.modelName() + (row.modelName().equals(baselineModel) ? " (baseline)" : "");
      svg.text(area.left() - 10, barTop + 11, name, "end", 14, true);
      svg.text(area.left() - 10, barTop + 26, row.provenanceLabel() + " · " + row.gpuName(), "end", 11, false);
      svg.text(barEnd + 6, barTop + 18, Figures.usd(amount), "start", 13, false);
    }
    svg.closeGroup();
  }
}
