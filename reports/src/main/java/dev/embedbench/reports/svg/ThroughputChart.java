package dev.embedbench.reports.svg;

import dev.embedbench.reports.format.Figures;
import dev.embedbench.reports.model.ModelReport;
import dev.embedbench.reports.model.Sweep;
import dev.embedbench.reports.model.SweepStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Throughput against p99 latency, one line per swept model, with the SLO's p99 as a horizontal
 * line.
 */
public final class ThroughputChart {

  private static final int WIDTH_PX = 1200;
  private static final PlotArea AREA = new PlotArea(100, 70, 1060, 380);
  private static final SeriesStyle SLO_STYLE =
      new SeriesStyle("#b00020", "14 6", Marker.CROSS, "#b00020");

  private ThroughputChart() {}

  /**
   * @param models the models that were swept (each must have a sweep)
   */
  public static String render(String id, List<ModelReport> models, SeriesStyles styles) {
    if (models.isEmpty() || models.stream().anyMatch(model -> model.sweep().isEmpty())) {
      throw new IllegalArgumentException(
          "the throughput chart needs at least one model, each with a sweep");
    }
    double minRate = Double.MAX_VALUE;
    double maxRate = 0;
    double minP99 = Double.MAX_VALUE;
    double maxP99 = 0;
    TreeSet<Double> sloLines = new TreeSet<>();
    for (ModelReport model : models) {
      Sweep sweep = model.sweep().orElseThrow();
      sloLines.add(sweep.slo().p99Millis());
      for (SweepStep step : sweep.steps()) {
        double rate = step.stats().achievedRatePerSecond();
        double p99 = step.stats().responseTime().p99Millis();
        // Only positive values bound a log axis; a step with no successful request has p99 0.
        minRate = rate > 0 ? Math.min(minRate, rate) : minRate;
        maxRate = Math.max(maxRate, rate);
        minP99 = p99 > 0 ? Math.min(minP99, p99) : minP99;
        maxP99 = Math.max(maxP99, p99);
      }
    }
    minP99 = Math.min(minP99, sloLines.first());
    maxP99 = Math.max(maxP99, sloLines.last());
    minRate = minRate == Double.MAX_VALUE ? 0 : minRate;
    Scale x =
        LogScale.suits(minRate, maxRate, 30)
            ? new LogScale(minRate, maxRate, AREA.left(), AREA.right())
            : new LinearScale(0, maxRate, true, AREA.left(), AREA.right());
    Scale y =
        LogScale.suits(minP99, maxP99, 30)
            ? new LogScale(minP99, maxP99, AREA.bottom(), AREA.top())
            : new LinearScale(0, maxP99, true, AREA.bottom(), AREA.top());

    Legend legend = Legend.layout(legendEntries(models, styles, sloLines), AREA.left(), WIDTH_PX);
    int height = (int) AREA.bottom() + 60 + legend.heightPx() + 24;
    Svg svg = new Svg(id, "Throughput against p99 latency per model", WIDTH_PX, height);
    svg.text(AREA.left(), 28, "Throughput against p99 latency (sweep steps)", "start", 17, true);
    svg.text(
        AREA.left(),
        50,
        "Filled marker: the step met the SLO; hollow marker: it did not. Dashed red line: "
            + "the SLO's p99.",
        "start",
        13,
        false);
    Axes.draw(svg, AREA, x, "Achieved throughput (requests/s)", y, "p99 latency (ms)");

    for (double slo : sloLines) {
      double py = y.pixel(slo);
      svg.openGroup("slo", Map.of("slo-p99-ms", Double.toString(slo)));
      svg.line(AREA.left(), py, AREA.right(), py, SLO_STYLE.colour(), 2, SLO_STYLE.dashArray());
      svg.text(AREA.right() - 4, py - 6, "SLO p99 ≤ " + Figures.millis(slo), "end", 13, true);
      svg.closeGroup();
    }

    for (ModelReport model : models) {
      Sweep sweep = model.sweep().orElseThrow();
      SeriesStyle style = styles.of(model.modelName());
      Map<String, String> groupData = new LinkedHashMap<>();
      groupData.put("model", model.modelName());
      groupData.put("provenance", model.provenance().label());
      svg.openGroup("series", groupData);
      List<SweepStep> ordered = sweep.stepsByAchievedRate();
      List<double[]> pixels = new ArrayList<>();
      for (SweepStep step : ordered) {
        pixels.add(
            new double[] {
              x.pixel(step.stats().achievedRatePerSecond()),
              y.pixel(step.stats().responseTime().p99Millis())
            });
      }
      svg.polyline(pixels, style.colour(), 2.5, style.dashArray(), Map.of());
      for (SweepStep step : ordered) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("step", Integer.toString(step.index()));
        data.put("rate-per-s", Double.toString(step.stats().achievedRatePerSecond()));
        data.put("p99-ms", Double.toString(step.stats().responseTime().p99Millis()));
        data.put("met-slo", Boolean.toString(step.metSlo()));
        svg.marker(
            style.marker(),
            x.pixel(step.stats().achievedRatePerSecond()),
            y.pixel(step.stats().responseTime().p99Millis()),
            style.colour(),
            step.metSlo(),
            data);
      }
      svg.closeGroup();
    }
    legend.draw(svg, AREA.bottom() + 56);
    return svg.finish();
  }

  private static List<Legend.Entry> legendEntries(
      List<ModelReport> models, SeriesStyles styles, TreeSet<Double> sloLines) {
    List<Legend.Entry> entries = new ArrayList<>();
    for (ModelReport model : models) {
      String best =
          model
              .sweep()
              .orElseThrow()
              .bestRatePerSecond()
              .map(rate -> "best rate within SLO " + Figures.number(rate) + " req/s")
              .orElse("no step met the SLO");
      entries.add(
          new Legend.Entry(
              styles.of(model.modelName()), true, true, model.seriesLabel() + " — " + best));
    }
    for (double slo : sloLines) {
      entries.add(new Legend.Entry(SLO_STYLE, true, false, "SLO: p99 ≤ " + Figures.millis(slo)));
    }
    return entries;
  }
}
