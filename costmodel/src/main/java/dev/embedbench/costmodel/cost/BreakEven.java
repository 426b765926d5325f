package dev.embedbench.costmodel.cost;

/**
 * A demand at which rounding to whole instances erases, restores or flips a deployment's saving.
 *
 * @param deploymentId the deployment whose saving changes
 * @param requestsPerDay the demand where it changes (the lowest demand of the new state, to 0.01%)
 * @param savingBelowPercent the whole-instance saving just below it
 * @param savingAbovePercent the saving from it on
 */
public record BreakEven(
    String deploymentId,
    double requestsPerDay,
    double savingBelowPercent,
    double savingAbovePercent) {

  /**
   * In words: {@code a saving appears}, {@code the saving vanishes}, {@code the saving turns into a
   * loss}...
   */
  public String change() {
    int below = (int) Math.signum(savingBelowPercent);
    int above = (int) Math.signum(savingAbovePercent);
    if (above > 0) {
      return below < 0 ? "a loss turns into a saving" : "a saving appears";
    }
    if (above < 0) {
      return below > 0 ? "the saving turns into a loss" : "a loss appears";
    }
    return below > 0 ? "the saving vanishes (equal fleets)" : "the loss vanishes (equal fleets)";
  }
}
