package dev.embedbench.costmodel.audit;

import java.util.Objects;

/**
 * One claimed figure against one derivation of it.
 *
 * @param id stable key, such as {@code annual.qwen3-embedding-8b.per-request}
 * @param topic what is checked, in words
 * @param claim the claim as the article makes it
 * @param claimedValue the claimed figure, or null when the article states none to compare
 * @param derivation the route, with its arithmetic
 * @param derivedValue the derived figure (same unit as the claimed one)
 * @param unit the unit of both figures
 * @param differencePercent (derived - claimed) / claimed × 100, or null
 * @param tolerance the rule the difference is judged by
 * @param verdict consistent, inconsistent or cannot be derived
 * @param note what the disagreement means, or what the derivation assumes
 */
public record AuditFinding(
    String id,
    String topic,
    String claim,
    Double claimedValue,
    String derivation,
    Double derivedValue,
    String unit,
    Double differencePercent,
    String tolerance,
    Verdict verdict,
    String note) {

  public AuditFinding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(derivation, "derivation");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(tolerance, "tolerance");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(note, "note");
  }

  public boolean flagged() {
    return verdict.flagged();
  }
}
