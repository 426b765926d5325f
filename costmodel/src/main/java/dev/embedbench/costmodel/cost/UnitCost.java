package dev.embedbench.costmodel.cost;

/**
 * The headline: what a deployment costs per unit of work when paying only for the GPU time it uses
 * at its capacity, {@code price per hour / (capacity × 3600 × target utilisation) × 10⁶}, at the
 * token length the capacity holds at. No whole-instance rounding and no minimum fleet: demand does
 * not enter.
 *
 * @param deploymentId the scenario's id
 * @param modelName published model name
 * @param gpuId catalog GPU, as in {@link DeploymentCost#gpuId}
 * @param priceLabel the one price of that GPU in this scenario, named
 * @param pricePerGpuHourUsd that price
 * @param capacityRequestsPerSec capacity per replica (median of the repeats), at its own token
 *     length
 * @param capacityMinRequestsPerSec lowest repeat
 * @param capacityMaxRequestsPerSec highest repeat
 * @param capacityRepeats how many measurements
 * @param capacityLowerBound true when the capacity is only known to be at least its figure
 * @param capacityProvenance {@code stated} or {@code measured (<kind>)}
 * @param tokensPerInput tokens per input the capacity holds at
 * @param tokensStated false when the capacity's source states no token length and the demand's is
 *     assumed
 * @param tokensPerRequest tokens per request at that length (× the demand's inputs per request)
 * @param targetUtilisation the share of capacity paid for and used
 * @param usdPerMillionRequests the unit cost per million requests
 * @param usdPerMillionTokens the unit cost per million input tokens
 * @param savingVsBaseline 1 − this unit cost / the baseline's (a fraction); null for the baseline
 *     itself
 * @param savingBasis how the saving was compared: per request at equal lengths, or per token across
 *     lengths ({@code per token, 128 vs 32 tokens: linear}, which every output prints beside the
 *     saving)
 */
public record UnitCost(
    String deploymentId,
    String modelName,
    String gpuId,
    String priceLabel,
    double pricePerGpuHourUsd,
    double capacityRequestsPerSec,
    double capacityMinRequestsPerSec,
    double capacityMaxRequestsPerSec,
    int capacityRepeats,
    boolean capacityLowerBound,
    String capacityProvenance,
    double tokensPerInput,
    boolean tokensStated,
    double tokensPerRequest,
    double targetUtilisation,
    BoundedFigure usdPerMillionRequests,
    BoundedFigure usdPerMillionTokens,
    BoundedFigure savingVsBaseline,
    String savingBasis) {

  /**
   * True when the saving compares different token lengths, per token: it must be printed with its
   * basis.
   */
  public boolean savingAcrossLengths() {
    return savingBasis.startsWith("per token");
  }
}
