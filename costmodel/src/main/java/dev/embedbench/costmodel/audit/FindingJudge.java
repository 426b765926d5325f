package dev.embedbench.costmodel.audit;

import static dev.embedbench.costmodel.audit.AuditNumbers.n;
import static dev.embedbench.costmodel.audit.AuditNumbers.pct;

/** Builds findings with the article's tolerance: each verdict says how a derivation compares. */
record FindingJudge(double tolerancePercent) {

  AuditFinding relative(
      String id,
      String topic,
      String claim,
      double claimed,
      String derivation,
      double derived,
      String unit,
      String note) {
    double diff = pct(derived, claimed);
    return new AuditFinding(
        id,
        topic,
        claim,
        claimed,
        derivation,
        derived,
        unit,
        diff,
        "within " + n(tolerancePercent) + "% relative",
        Math.abs(diff) <= tolerancePercent ? Verdict.CONSISTENT : Verdict.INCONSISTENT,
        note);
  }

  /**
   * For a claim whose author gains by a larger figure (a speed-up): a derivation above it beyond
   * the tolerance means the claim is understated, below it overstated.
   */
  AuditFinding directional(
      String id,
      String topic,
      String claim,
      double claimed,
      String derivation,
      double derived,
      String unit,
      String note) {
    double diff = pct(derived, claimed);
    Verdict verdict =
        Math.abs(diff) <= tolerancePercent
            ? Verdict.CONSISTENT
            : diff > 0 ? Verdict.UNDERSTATED : Verdict.OVERSTATED;
    return new AuditFinding(
        id,
        topic,
        claim,
        claimed,
        derivation,
        derived,
        unit,
        diff,
        "within " + n(tolerancePercent) + "% relative; above: understated, below: overstated",
        verdict,
        note);
  }

  AuditFinding absolute(
      String id,
      String topic,
      String claim,
      double claimed,
      String derivation,
      double derived,
      String unit,
      double toleranceUnits,
      String note) {
    return new AuditFinding(
        id,
        topic,
        claim,
        claimed,
        derivation,
        derived,
        unit,
        pct(derived, claimed),
        "within " + n(toleranceUnits) + " " + unit,
        Math.abs(derived - claimed) <= toleranceUnits + 1e-12
            ? Verdict.CONSISTENT
            : Verdict.INCONSISTENT,
        note);
  }
}
