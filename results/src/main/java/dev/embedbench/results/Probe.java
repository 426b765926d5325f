package dev.embedbench.results;

/**
 * The closed-loop saturation probe a sweep runs first: as many requests in flight as {@code
 * concurrency}, each sent when one finishes, so the server is never idle.
 *
 * @param dir the probe's run directory, relative to the sweep's directory
 * @param saturationRequestsPerS successful requests completed per second of the measured window
 * @param usable whether the sweep searched from it: the probe was not stopped and some request
 *     succeeded
 */
public record Probe(
    int concurrency,
    String dir,
    double saturationRequestsPerS,
    boolean usable,
    RunSummary summary) {}
