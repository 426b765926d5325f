package dev.embedbench.loadgen.record;

import org.HdrHistogram.Histogram;

/**
 * Everything a run recorded: the measured phase's histograms (nanoseconds; exactly the sum of the
 * interval logs) and both phases' counts.
 */
public record Totals(
    Histogram responseTime,
    Histogram serviceTime,
    Histogram scheduleLag,
    Counts measured,
    Counts warmup) {}
