package dev.embedbench.costmodel.scenario;

import dev.embedbench.results.Slo;
import java.util.Objects;

/**
 * How the fleet is run.
 *
 * @param targetUtilisation the share of a replica's capacity planned to be used at peak, in (0, 1];
 *     headroom is {@code 1 - targetUtilisation}
 * @param minReplicas replicas kept even when demand would need fewer (availability)
 * @param scaling fixed at the peak, or resized hourly along the profile
 * @param slo what a measured capacity must have met
 * @param tokenRescale how a capacity at another token length than the demand's is priced
 */
public record Policy(
    double targetUtilisation,
    int minReplicas,
    Scaling scaling,
    Slo slo,
    TokenRescale tokenRescale) {

  public Policy {
    Objects.requireNonNull(scaling, "scaling");
    Objects.requireNonNull(tokenRescale, "tokenRescale");
    Objects.requireNonNull(slo, "slo");
    if (!(targetUtilisation > 0 && targetUtilisation <= 1)) {
      throw new IllegalArgumentException(
          "targetUtilisation must be in (0, 1], was " + targetUtilisation);
    }
    if (minReplicas < 1) {
      throw new IllegalArgumentException("minReplicas must be >= 1, was " + minReplicas);
    }
  }

  public Policy withTargetUtilisation(double utilisation) {
    return new Policy(utilisation, minReplicas, scaling, slo, tokenRescale);
  }

  public Policy withTokenRescale(TokenRescale rescale) {
    return new Policy(targetUtilisation, minReplicas, scaling, slo, rescale);
  }
}
