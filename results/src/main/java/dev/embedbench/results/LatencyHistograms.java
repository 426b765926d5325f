package dev.embedbench.results;

import org.HdrHistogram.Histogram;

/**
 * The one histogram shape of run directories: nanoseconds up to 30 minutes, three significant
 * digits.
 */
public final class LatencyHistograms {

  public static final long HIGHEST_TRACKABLE_NANOS = 1_800_000_000_000L;
  public static final int SIGNIFICANT_DIGITS = 3;

  private LatencyHistograms() {}

  public static Histogram newHistogram() {
    return new Histogram(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
  }
}
