package dev.embedbench.costmodel.cost;

/**
 * The cost of one deployment under a scenario's demand and policy. Every money figure is in US
 * dollars.
 *
 * @param deploymentId the scenario's id of the deployment
 * @param modelId catalog id of the model
 * @param modelName published model name
 * @param gpuId catalog id of the GPU itself: for an entry that only names a price and borrows a
 *     GPU's specs (the article's $0.95 instance), the GPU it borrows them from
 * @param priceLabel cloud, instance type and region of the price used
 * @param priceSource where and when the price was listed
 * @param pricePerGpuHourUsd on-demand price of one GPU for one hour
 * @param capacityRequestsPerSecPerReplica what one replica sustains within the SLO
 * @param capacityProvenance {@code stated} or {@code measured (<kind>)}
 * @param capacityRoute how within that: sweep, run, throughput, latency, cost per request
 * @param capacityBasis how the capacity was obtained
 * @param capacitySource the file or citation of the capacity
 * @param capacityLowerBound true when the capacity is only known to be at least its figure: the
 *     costs are then upper bounds and a saving computed from it a bound
 * @param plannedRequestsPerSecPerReplica capacity × target utilisation: what a replica is planned
 *     to carry
 * @param peakRequestsPerSec the busiest hour's mean request rate
 * @param replicasAtPeak GPUs running in the busiest hour
 * @param gpuHoursPerDay GPU-hours paid per day
 * @param usdPerHour mean spend per hour
 * @param usdPerYear spend per 365-day year
 * @param usdPerMillionRequests spend per million requests served
 * @param usdPerMillionTokens spend per million input tokens embedded
 * @param savingsVsBaselinePercent (baseline yearly cost − this one) / baseline × 100; 0 for the
 *     baseline
 * @param qualityBenchmark catalog key of the benchmark used for quality
 * @param qualityScore the model's score on it, or null when the catalog has none
 * @param usdPerMillionRequestsPerQualityPoint dollars per million requests / score, or null
 * @param marginalUsdPerYearPerQualityPoint (this yearly cost − baseline's) / (this score −
 *     baseline's): what each quality point above (or below) the baseline costs (or saves) per year;
 *     null when the scores are equal or missing
 * @param flopsPerToken forward-pass FLOPs per token at the demand's tokens per input
 * @param rooflineUsdPerMillionTokens cost per million tokens if the GPU ran at its peak dense
 *     FLOP/s
 * @param rooflineUsdPerYear the demand's yearly cost at that floor, with no headroom and no
 *     rounding
 * @param costOverRooflineFactor usdPerYear / rooflineUsdPerYear
 * @param impliedMfuAtCapacityPercent model FLOP/s utilisation at the stated or measured capacity
 * @param weightsGb model weights as served, in GB
 * @param fitsInGpuMemory whether the weights fit the GPU's memory
 */
public record DeploymentCost(
    String deploymentId,
    String modelId,
    String modelName,
    String gpuId,
    String priceLabel,
    String priceSource,
    double pricePerGpuHourUsd,
    double capacityRequestsPerSecPerReplica,
    String capacityProvenance,
    String capacityRoute,
    String capacityBasis,
    String capacitySource,
    boolean capacityLowerBound,
    double plannedRequestsPerSecPerReplica,
    double peakRequestsPerSec,
    int replicasAtPeak,
    double gpuHoursPerDay,
    double usdPerHour,
    double usdPerYear,
    double usdPerMillionRequests,
    double usdPerMillionTokens,
    double savingsVsBaselinePercent,
    String qualityBenchmark,
    Double qualityScore,
    Double usdPerMillionRequestsPerQualityPoint,
    Double marginalUsdPerYearPerQualityPoint,
    double flopsPerToken,
    double rooflineUsdPerMillionTokens,
    double rooflineUsdPerYear,
    double costOverRooflineFactor,
    double impliedMfuAtCapacityPercent,
    double weightsGb,
    boolean fitsInGpuMemory) {}
