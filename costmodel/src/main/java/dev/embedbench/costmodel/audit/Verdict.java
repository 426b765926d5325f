package dev.embedbench.costmodel.audit;

/** What a derivation says about a claimed figure. */
public enum Verdict {
  CONSISTENT("consistent"),
  INCONSISTENT("INCONSISTENT"),
  CANNOT_DERIVE("cannot be derived");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
