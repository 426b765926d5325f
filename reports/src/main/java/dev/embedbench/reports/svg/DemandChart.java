package dev.embedbench.reports.svg;

import dev.embedbench.costmodel.cost.BoundKind;
import dev.embedbench.reports.format.Figures;
import dev.embedbench.reports.model.AnswerRow;
import dev.embedbench.reports.model.CostAnswer;
import dev.embedbench.reports.model.DemandRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saving against the baseline across demand (log x axis, 1/100 to 100× the scenario's): a line per
 * model for whole instances, a thin dotted line at its unit-cost saving, the scenario's demand as a
 * vertical line and the article's claimed saving as a horizontal one, so a reader sees at which
 * demands rounding to whole instances could give the claim.
 */
public final class DemandChart {

  private static final int WIDTH_PX = 1200;
  private static final PlotArea AREA = new PlotArea(100, 70, 1060, 380);
  private static final SeriesStyle CLAIM_STYLE =
      new SeriesStyle("#b00020", "14 6", Marker.CROSS, "#b00020");

  private DemandChart() {}

  public static String render(String id, CostAnswer answer, SeriesStyles styles) {
    List<DemandRow> demand = answer.demand();
    if (demand.size() < 2) {
      throw new IllegalArgumentException("the demand chart needs at least two demands");
    }
    List<AnswerRow> candidates = answer.rows().stream().filter(row -> !row.baseline()).toList();
    // Against a lower-bound baseline every saving is unknown: no line is drawn rather than a wrong
    // one.
    boolean baselineBound =
        answer.rows().stream().anyMatch(row -> row.baseline() && row.capacityLowerBound());
    double minSaving = 0;
    for (DemandRow row : demand) {
      for (AnswerRow c : candidates) {
        minSaving = Math.min(minSaving, row.savingPercent().get(c.modelName()));
      }
    }
    Scale x =
        new LogScale(
            demand.get(0).requestsPerDay(),
            demand.get(demand.size() - 1).requestsPerDay(),
            AREA.left(),
            AREA.right());
    Scale y = new LinearScale(minSaving, 100, true, AREA.bottom(), AREA.top());
    List<Legend.Entry> entries = new ArrayList<>();
    for (AnswerRow c : candidates) {
      String unit =
          c.saving() == null || c.saving().kind() == BoundKind.UNKNOWN
              ? "unknown"
              : (c.saving().kind() == BoundKind.AT_LEAST ? "≥ " : "")
                  + Figures.percent(c.saving().value());
      String whole =
          baselineBound
              ? "saving unknown, not drawn (the baseline's capacity is a lower bound)"
              : c.capacityLowerBound()
                  ? "whole instances (this line; a lower bound: the saving is at least this)"
                  : "whole instances (this line)";
      entries.add(
          new Legend.Entry(
              styles.of(c.modelName()),
              true,
              false,
              c.modelName()
                  + " — "
                  + whole
                  + "; unit cost at capacity "
                  + unit
                  + (baselineBound ? "" : " (thin dotted line)")
                  + "; capacity "
                  + c.provenanceLabel()));
    }
    if (answer.claimedSavingPercent() != null) {
      entries.add(
          new Legend.Entry(
              CLAIM_STYLE,
              true,
              false,
              "the article's claimed saving: "
                  + Figures.number(answer.claimedSavingPercent())
                  + "%"));
    }
    Legend legend = Legend.layout(entries, AREA.left(), WIDTH_PX);
    int height = (int) AREA.bottom() + 60 + legend.heightPx() + 24;
    Svg svg =
        new Svg(
            id, "Saving against " + answer.baselineModel() + " across demand", WIDTH_PX, height);
    svg.text(
        AREA.left(),
        28,
        "Saving against " + answer.baselineModel() + " across demand (whole instances)",
        "start",
        17,
        true);
    svg.text(
        AREA.left(),
        50,
        "Grey vertical line: the scenario's "
            + Figures.number(answer.requestsPerDay())
            + " requests/day. Steps are whole-instance rounding; thin dotted lines are the unit-cost savings.",
        "start",
        13,
        false);
    Axes.draw(svg, AREA, x, "Demand (requests/day)", y, "Saving (%)");

    double scenarioX = x.pixel(answer.requestsPerDay());
    svg.openGroup(
        "scenario-demand", Map.of("requests-per-day", Double.toString(answer.requestsPerDay())));
    svg.line(scenarioX, AREA.top(), scenarioX, AREA.bottom(), "#777777", 2, "4 4");
    svg.closeGroup();
    if (answer.claimedSavingPercent() != null) {
      double py = y.pixel(answer.claimedSavingPercent());
      svg.openGroup(
          "claim", Map.of("saving-percent", Double.toString(answer.claimedSavingPercent())));
      svg.line(AREA.left(), py, AREA.right(), py, CLAIM_STYLE.colour(), 2, CLAIM_STYLE.dashArray());
      svg.closeGroup();
    }
    for (AnswerRow c : baselineBound ? List.<AnswerRow>of() : candidates) {
      SeriesStyle style = styles.of(c.modelName());
      Map<String, String> data = new LinkedHashMap<>();
      data.put("model", c.modelName());
      data.put("provenance", c.provenanceLabel());
      svg.openGroup("series", data);
      List<double[]> steps = new ArrayList<>();
      for (int i = 0; i < demand.size(); i++) {
        double px = x.pixel(demand.get(i).requestsPerDay());
        double py = y.pixel(demand.get(i).savingPercent().get(c.modelName()));
        if (i > 0) {
          steps.add(new double[] {px, steps.get(steps.size() - 1)[1]});
        }
        steps.add(new double[] {px, py});
      }
      svg.polyline(steps, style.colour(), 2.5, style.dashArray(), Map.of());
      if (c.saving() != null && c.saving().kind() != BoundKind.UNKNOWN) {
        double py = y.pixel(Math.max(minSaving, c.saving().value() * 100));
        svg.line(AREA.left(), py, AREA.right(), py, style.colour(), 1.5, "2 4");
      }
      svg.closeGroup();
    }
    legend.draw(svg, AREA.bottom() + 56);
    return svg.finish();
  }
}
