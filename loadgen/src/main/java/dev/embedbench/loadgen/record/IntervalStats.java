package dev.embedbench.loadgen.record;

import dev.embedbench.results.Percentiles;

/**
 * One reporting interval, as the console and listeners see it.
 *
 * @param interval the counts of this interval of {@code phase}
 * @param cumulative the measured phase's counts so far
 * @param intervalResponse this interval's corrected response times
 * @param cumulativeResponse the measured phase's corrected response times so far
 */
public record IntervalStats(
    double elapsedSeconds,
    double intervalSeconds,
    Phase phase,
    Counts interval,
    Counts cumulative,
    Percentiles intervalResponse,
    Percentiles cumulativeResponse) {}
