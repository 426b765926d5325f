package dev.embedbench.reports.svg;

import dev.embedbench.reports.format.Figures;
import java.util.ArrayList;
import java.util.List;

/**
 * A base-10 logarithmic axis spanning whole decades, for values that differ by orders of magnitude.
 */
public final class LogScale implements Scale {

  private final double decadeMin;
  private final double decadeMax;
  private final double pixelMin;
  private final double pixelMax;

  public LogScale(double dataMin, double dataMax, double pixelMin, double pixelMax) {
    if (!(dataMin > 0) || !(dataMax >= dataMin)) {
      throw new IllegalArgumentException(
          "a log scale needs 0 < min <= max; got " + dataMin + ", " + dataMax);
    }
    double low = Math.floor(Math.log10(dataMin));
    double high = Math.ceil(Math.log10(dataMax));
    this.decadeMin = low;
    this.decadeMax = high > low ? high : low + 1;
    this.pixelMin = pixelMin;
    this.pixelMax = pixelMax;
  }

  /**
   * True when values spread over more than {@code ratio} and are all positive, so a log axis reads
   * better.
   */
  public static boolean suits(double dataMin, double dataMax, double ratio) {
    return dataMin > 0 && dataMax / dataMin > ratio;
  }

  @Override
  public double pixel(double value) {
    double exponent = value > 0 ? Math.log10(value) : decadeMin;
    double clamped = Math.max(decadeMin, Math.min(decadeMax, exponent));
    return pixelMin + (clamped - decadeMin) / (decadeMax - decadeMin) * (pixelMax - pixelMin);
  }

  @Override
  public List<Tick> ticks() {
    List<Tick> ticks = new ArrayList<>();
    boolean fewDecades = decadeMax - decadeMin <= 2;
    for (double decade = decadeMin; decade <= decadeMax; decade++) {
      double base = Math.pow(10, decade);
      ticks.add(new Tick(base, Figures.number(base)));
      if (fewDecades && decade < decadeMax) {
        ticks.add(new Tick(2 * base, Figures.number(2 * base)));
        ticks.add(new Tick(5 * base, Figures.number(5 * base)));
      }
    }
    return ticks;
  }

  @Override
  public String scaleNote() {
    return ", log scale";
  }
}
