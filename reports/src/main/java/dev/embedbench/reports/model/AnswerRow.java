package dev.embedbench.reports.model;

import dev.embedbench.costmodel.cost.BoundedFigure;
import java.util.Objects;

/**
 * One priced model in the answer.
 *
 * @param modelName the model (with its GPU when one model is priced on several)
 * @param provenanceLabel where its capacity comes from: {@code measured: emulated · ...}, {@code
 *     stated}...
 * @param gpuName the catalog GPU
 * @param priceLabel the one price of that GPU in this scenario, named
 * @param pricePerGpuHourUsd that price
 * @param capacityRequestsPerSec per instance, the median of the repeats, at {@code tokensPerInput}
 * @param capacityMinRequestsPerSec lowest repeat
 * @param capacityMaxRequestsPerSec highest repeat
 * @param capacityRepeats how many measurements
 * @param capacityLowerBound true when nothing above the capacity failed
 * @param tokensPerInput the token length the capacity holds at
 * @param tokensStated false when its source states none and the demand's is assumed
 * @param tokenNote how the fleet view rescaled it to the demand's length, or empty
 * @param usdPerMillionRequests unit cost at capacity
 * @param usdPerMillionTokens unit cost per million input tokens
 * @param saving 1 − unit-cost ratio to the baseline; null for the baseline
 * @param savingBasis per request at equal lengths, or per token across lengths
 * @param baseline true for the baseline row
 * @param instancesAtDemand whole instances at the scenario's demand
 * @param usdPerYearAtDemand their yearly cost
 * @param fleetSavingPercent the whole-instance saving at the scenario's demand; null for the
 *     baseline
 */
public record AnswerRow(
    String modelName,
    String provenanceLabel,
    String gpuName,
    String priceLabel,
    double pricePerGpuHourUsd,
    double capacityRequestsPerSec,
    double capacityMinRequestsPerSec,
    double capacityMaxRequestsPerSec,
    int capacityRepeats,
    boolean capacityLowerBound,
    double tokensPerInput,
    boolean tokensStated,
    String tokenNote,
    BoundedFigure usdPerMillionRequests,
    BoundedFigure usdPerMillionTokens,
    BoundedFigure saving,
    String savingBasis,
    boolean baseline,
    int instancesAtDemand,
    double usdPerYearAtDemand,
    Double fleetSavingPercent) {

  public AnswerRow {
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(provenanceLabel, "provenanceLabel");
    Objects.requireNonNull(usdPerMillionRequests, "usdPerMillionRequests");
    Objects.requireNonNull(usdPerMillionTokens, "usdPerMillionTokens");
    tokenNote = tokenNote == null ? "" : tokenNote;
    savingBasis = savingBasis == null ? "" : savingBasis;
    if (!(capacityRequestsPerSec > 0)) {
      throw new IllegalArgumentException("capacity must be > 0 for " + modelName);
    }
  }
}
