package dev.embedbench.costmodel.audit;

/** What a derivation says about a claimed figure. */
public enum Verdict {
  /** The derivation agrees within the tolerance. */
  CONSISTENT("consistent"),
  /** The claim is more modest than its own figures: they support more than it says. */
  UNDERSTATED("understated"),
  /** The claim says more than its own figures support. */
  OVERSTATED("OVERSTATED"),
  /** The arithmetic may hold, but the article's own text says it did not happen. */
  CONTRADICTED("CONTRADICTED"),
  /** The routes disagree beyond the tolerance, neither in the claim's favour nor against it. */
  INCONSISTENT("INCONSISTENT"),
  /** No stated figure to compare: a derivation a reader needs, with its arithmetic. */
  DERIVED("derived"),
  CANNOT_DERIVE("cannot be derived");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** True for the verdicts a reader must look at: the claim does not stand as written. */
  public boolean flagged() {
    return this == UNDERSTATED
        || this == OVERSTATED
        || this == CONTRADICTED
        || this == INCONSISTENT;
  }
}
