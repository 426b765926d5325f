package dev.embedbench.reports.model;

/**
 * One figure of a published claim, derived a second way.
 *
 * @param derivation how the derived value was obtained, in words
 * @param verdict the audit's verdict, e.g. {@code "consistent"} or {@code "disagrees by more than 5%"}
 */
public record AuditFinding(
    String claim, String unit, double statedValue, double derivedValue, String derivation, String verdict) {

  public AuditFinding {
    if (claim == null || claim.isBlank()) {
      throw new IllegalArgumentException("claim must not be blank");
    }
    unit = unit == null ? "" : unit.strip();
    if (!Double.isFinite(statedValue) || !Double.isFinite(derivedValue)) {
      throw new IllegalArgumentException("stated and derived values must be finite for claim '" + claim + "'");
    }
    derivation = derivation == null ? "" : derivation.strip();
    if (verdict == null || verdict.isBlank()) {
      throw new IllegalArgumentException("verdict must not be blank for claim '" + claim + "'");
    }
  }

  /** (derived - stated) / |stated|; NaN when the stated value is 0. */
  public double relativeDifference() {
    return statedValue == 0 ? Double.NaN : (derivedValue - statedValue) / Math.abs(statedValue);
  }
}
