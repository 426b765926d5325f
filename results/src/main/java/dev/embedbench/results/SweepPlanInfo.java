package dev.embedbench.results;

/**
 * A sweep's plan as written to {@code sweep.json}.
 *
 * @param startRate the lowest rate a search tries
 * @param maxRate the highest rate a search tries
 * @param maxSteps the most open-loop steps of the first search
 * @param bisectSteps the most steps of each repeated search
 * @param repeats how many searches were asked for
 * @param maxTotal the first search's wall-time budget, probe included
 * @param stepDuration each step's measured duration
 * @param stepWarmup each step's warm-up
 * @param probeConcurrency requests in flight during the closed-loop saturation probe
 */
public record SweepPlanInfo(
    double startRate,
    double maxRate,
    int maxSteps,
    int bisectSteps,
    int repeats,
    String maxTotal,
    String stepDuration,
    String stepWarmup,
    int probeConcurrency) {}
