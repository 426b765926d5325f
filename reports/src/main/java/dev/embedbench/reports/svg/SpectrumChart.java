package dev.embedbench.reports.svg;

import dev.embedbench.reports.format.Figures;
import dev.embedbench.reports.model.ModelReport;
import dev.embedbench.reports.model.PercentileSpectrum;
import dev.embedbench.reports.model.SpectrumPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The latency percentile spectrum per model, HdrHistogram style: x is log10(1/(1-q)). */
public final class SpectrumChart {

  private static final int WIDTH_PX = 1200;
  private static final PlotArea AREA = new PlotArea(100, 70, 1060, 380);

  private SpectrumChart() {}

  public static String render(String id, List<ModelReport> models, SeriesStyles styles) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("the spectrum chart needs at least one model");
    }
    double maxQuantile = 0;
    double maxLatency = 0;
    double minLatency = Double.MAX_VALUE;
    for (ModelReport model : models) {
      for (SpectrumPoint point : model.headline().responseSpectrum().points()) {
        maxQuantile = Math.max(maxQuantile, point.quantile());
        maxLatency = Math.max(maxLatency, point.latencyMillis());
        // Only positive latencies bound a log axis; a model with no successful request has none.
        if (point.latencyMillis() > 0) {
          minLatency = Math.min(minLatency, point.latencyMillis());
        }
      }
    }
    if (minLatency == Double.MAX_VALUE) {
      minLatency = 0;
    }
    Scale x = new InverseTailScale(maxQuantile, AREA.left(), AREA.right());
    Scale y =
        LogScale.suits(minLatency, maxLatency, 30)
            ? new LogScale(minLatency, maxLatency, AREA.bottom(), AREA.top())
            : new LinearScale(0, maxLatency, true, AREA.bottom(), AREA.top());

    List<Legend.Entry> entries = new ArrayList<>();
    for (ModelReport model : models) {
      entries.add(
          new Legend.Entry(
              styles.of(model.modelName()),
              true,
              true,
              model.seriesLabel() + " — " + describe(model)));
    }
    Legend legend = Legend.layout(entries, AREA.left(), WIDTH_PX);
    int height = (int) AREA.bottom() + 60 + legend.heightPx();
    Svg svg = new Svg(id, "Latency percentile spectrum per model", WIDTH_PX, height);
    svg.text(
        AREA.left(),
        28,
        "Latency by percentile (response time from intended send, corrected for "
            + "coordinated omission)",
        "start",
        17,
        true);
    svg.text(
        AREA.left(),
        50,
        "Each model at the highest swept rate that met the SLO (or its single run). "
            + "Percentile axis: log scale of 1/(1-q).",
        "start",
        13,
        false);
    Axes.draw(svg, AREA, x, "Percentile", y, "Latency (ms)");

    for (int i = 0; i < models.size(); i++) {
      ModelReport model = models.get(i);
      SeriesStyle style = styles.of(model.modelName());
      PercentileSpectrum spectrum = model.headline().responseSpectrum();
      Map<String, String> groupData = new LinkedHashMap<>();
      groupData.put("model", model.modelName());
      groupData.put("provenance", model.provenance().label());
      svg.openGroup("series", groupData);
      List<double[]> pixels = new ArrayList<>();
      for (SpectrumPoint point : spectrum.points()) {
        pixels.add(new double[] {x.pixel(point.quantile()), y.pixel(point.latencyMillis())});
      }
      svg.polyline(pixels, style.colour(), 2.5, style.dashArray(), Map.of());
      for (SpectrumPoint point : spectrum.points()) {
        if (isMarked(point.quantile())) {
          Map<String, String> data = new LinkedHashMap<>();
          data.put("quantile", Double.toString(point.quantile()));
          data.put("latency-ms", Double.toString(point.latencyMillis()));
          svg.marker(
              style.marker(),
              x.pixel(point.quantile()),
              y.pixel(point.latencyMillis()),
              style.colour(),
              true,
              data);
        }
      }
      svg.closeGroup();
    }
    legend.draw(svg, AREA.bottom() + 56);
    return svg.finish();
  }

  static boolean isMarked(double quantile) {
    for (double marked : PercentileSpectrum.MARKED_QUANTILES) {
      if (Math.abs(marked - quantile) < 1e-12) {
        return true;
      }
    }
    return false;
  }

  private static String describe(ModelReport model) {
    PercentileSpectrum spectrum = model.headline().responseSpectrum();
    StringBuilder text = new StringBuilder();
    text.append(Figures.number(spectrum.sampleCount()))
        .append(" requests at ")
        .append(Figures.number(model.headline().achievedRatePerSecond()))
        .append(" req/s");
    if (model.headline().merged()) {
      text.append(", merged from ").append(model.headline().sourceDirs().size()).append(" runs");
    }
    if (!spectrum.fromHistogram()) {
      text.append(", summary percentiles only");
    }
    return text.toString();
  }
}
