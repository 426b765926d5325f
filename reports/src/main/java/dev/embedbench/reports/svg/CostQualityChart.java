package dev.embedbench.reports.svg;

import dev.embedbench.reports.format.Figures;
import dev.embedbench.reports.model.CostRow;
import dev.embedbench.reports.model.CostSection;
import dev.embedbench.reports.model.ParetoFront;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cost per million requests against quality score, with the Pareto front of the two. */
public final class CostQualityChart {

  private static final int WIDTH_PX = 1200;
  private static final PlotArea AREA = new PlotArea(110, 70, 1050, 380);
  private static final SeriesStyle FRONT_STYLE =
      new SeriesStyle("#555555", "8 5", Marker.CIRCLE, "#555555");

  private CostQualityChart() {}

  /** True when at least one row has a quality score to place on the chart. */
  public static boolean drawable(CostSection cost) {
    return cost.rows().stream().anyMatch(row -> row.qualityScore().isPresent());
  }

  public static String render(String id, CostSection cost, SeriesStyles styles) {
    String qualityName = cost.qualityMetric();
    List<CostRow> scored =
        cost.rows().stream().filter(row -> row.qualityScore().isPresent()).toList();
    if (scored.isEmpty()) {
      throw new IllegalArgumentException(
          "the cost/quality chart needs at least one row with a quality score");
    }
    double minQuality =
        scored.stream().mapToDouble(row -> row.qualityScore().orElseThrow()).min().orElseThrow();
    double maxQuality =
        scored.stream().mapToDouble(row -> row.qualityScore().orElseThrow()).max().orElseThrow();
    double maxCost =
        scored.stream().mapToDouble(CostRow::usdPerMillionRequests).max().orElseThrow();
    Scale x = new LinearScale(minQuality - 1, maxQuality + 1, false, AREA.left(), AREA.right());
    Scale y = new LinearScale(0, maxCost * 1.1, true, AREA.bottom(), AREA.top());

    List<Legend.Entry> entries = new ArrayList<>();
    for (CostRow row : scored) {
      entries.add(
          new Legend.Entry(
              styles.of(row.modelName()),
              false,
              true,
              row.modelName()
                  + " ["
                  + row.provenanceLabel()
                  + "] — "
                  + Figures.usd(row.usdPerMillionRequests())
                  + " per million requests, "
                  + qualityName
                  + " "
                  + Figures.number(row.qualityScore().orElseThrow())));
    }
    entries.add(new Legend.Entry(FRONT_STYLE, true, false, "Pareto front"));
    Legend legend = Legend.layout(entries, AREA.left(), WIDTH_PX);
    int height = (int) AREA.bottom() + 60 + legend.heightPx();
    Svg svg = new Svg(id, "Cost against quality with the Pareto front", WIDTH_PX, height);
    svg.text(AREA.left(), 28, "Cost against quality", "start", 17, true);
    svg.text(
        AREA.left(),
        50,
        "Better is down and to the right. Dashed line: the Pareto front (no other model is "
            + "both cheaper and better).",
        "start",
        13,
        false);
    Axes.draw(
        svg,
        AREA,
        x,
        qualityName + " (points, higher is better)",
        y,
        "Cost per million requests (USD)");

    List<CostRow> front = ParetoFront.of(scored);
    List<double[]> frontPixels = new ArrayList<>();
    for (CostRow row : front) {
      frontPixels.add(
          new double[] {
            x.pixel(row.qualityScore().orElseThrow()), y.pixel(row.usdPerMillionRequests())
          });
    }
    svg.openGroup(
        "pareto-front",
        Map.of("models", String.join(";", front.stream().map(CostRow::modelName).toList())));
    if (frontPixels.size() > 1) {
      svg.polyline(frontPixels, FRONT_STYLE.colour(), 2, FRONT_STYLE.dashArray(), Map.of());
    }
    svg.closeGroup();

    for (CostRow row : scored) {
      SeriesStyle style = styles.of(row.modelName());
      double px = x.pixel(row.qualityScore().orElseThrow());
      double py = y.pixel(row.usdPerMillionRequests());
      Map<String, String> data = new LinkedHashMap<>();
      data.put("model", row.modelName());
      data.put("provenance", row.provenanceLabel());
      data.put("quality", Double.toString(row.qualityScore().orElseThrow()));
      data.put("usd-per-million-requests", Double.toString(row.usdPerMillionRequests()));
      data.put("on-front", Boolean.toString(front.contains(row)));
      svg.marker(style.marker(), px, py, style.colour(), true, data);
      // Labels in the right third go to the left of their point, so they stay inside the chart.
      boolean leftOfPoint = px > AREA.left() + AREA.width() * 2 / 3;
      svg.text(
          leftOfPoint ? px - 10 : px + 10,
          py - 8,
          row.modelName(),
          leftOfPoint ? "end" : "start",
          13,
          true);
    }
    legend.draw(svg, AREA.bottom() + 56);
    return svg.finish();
  }
}
