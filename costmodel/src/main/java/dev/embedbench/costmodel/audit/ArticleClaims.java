package dev.embedbench.costmodel.audit;

import dev.embedbench.costmodel.catalog.SourceNote;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A published cost comparison, figure by figure, as claimed (never corrected here).
 *
 * @param title the article's title
 * @param source where and when it was published
 * @param hourlyPriceUsd the instance price the costs are said to come from
 * @param requestsPerDay the load the annual costs are said to assume
 * @param baselineModelId the model replaced
 * @param candidateModelId the model that replaced it
 * @param models the comparison table
 * @param savingsPercent the claimed saving of the candidate over the baseline
 * @param qualityDropPoints the claimed quality drop, in score points
 * @param qualityDropPercent the claimed quality drop relative to the baseline's score
 * @param speedupFactor the claimed response-time speed-up
 * @param throughput a claimed throughput, or null
 * @param baselineUtilisationPercent GPU utilisation claimed before the switch, or null
 * @param candidateUtilisationPercent GPU utilisation claimed after the switch, or null
 * @param candidateDimensions output dimensions claimed for the candidate
 * @param tolerancePercent relative disagreement above which a derived figure is flagged
 */
public record ArticleClaims(
    String title,
    SourceNote source,
    double hourlyPriceUsd,
    double requestsPerDay,
    String baselineModelId,
    String candidateModelId,
    List<ClaimedModel> models,
    double savingsPercent,
    double qualityDropPoints,
    double qualityDropPercent,
    double speedupFactor,
    ThroughputClaim throughput,
    Double baselineUtilisationPercent,
    Double candidateUtilisationPercent,
    List<Integer> candidateDimensions,
    double tolerancePercent) {

  public ArticleClaims {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(baselineModelId, "baselineModelId");
    Objects.requireNonNull(candidateModelId, "candidateModelId");
    models = List.copyOf(models);
    candidateDimensions = List.copyOf(candidateDimensions);
    ClaimedModel.requirePositive("hourlyPriceUsd", hourlyPriceUsd);
    ClaimedModel.requirePositive("requestsPerDay", requestsPerDay);
    ClaimedModel.requirePositive("speedupFactor", speedupFactor);
    ClaimedModel.requirePositive("tolerancePercent", tolerancePercent);
    if (!(savingsPercent < 100)) {
      throw new IllegalArgumentException("savingsPercent must be < 100, was " + savingsPercent);
    }
    if ((baselineUtilisationPercent == null) != (candidateUtilisationPercent == null)) {
      throw new IllegalArgumentException("utilisation must be claimed for both models or neither");
    }
    ClaimedModel baselineRow = find(models, baselineModelId);
    ClaimedModel candidateRow = find(models, candidateModelId);
    if (baselineRow == null || candidateRow == null) {
      throw new IllegalArgumentException("baseline and candidate must both be rows of the table");
    }
    if (baselineRow.annualCostUsd() == null || candidateRow.annualCostUsd() == null) {
      throw new IllegalArgumentException("baseline and candidate rows must state annualCostUsd");
    }
  }

  private static ClaimedModel find(List<ClaimedModel> rows, String modelId) {
    return rows.stream().filter(m -> m.modelId().equals(modelId)).findFirst().orElse(null);
  }

  public Optional<ClaimedModel> model(String modelId) {
    return Optional.ofNullable(find(models, modelId));
  }

  public ClaimedModel baseline() {
    return model(baselineModelId).orElseThrow();
  }

  public ClaimedModel candidate() {
    return model(candidateModelId).orElseThrow();
  }

  public Optional<ThroughputClaim> throughputClaim() {
    return Optional.ofNullable(throughput);
  }
}
