package dev.embedbench.reports.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One figure of a published claim, derived another way.
 *
 * @param topic what is checked, in words
 * @param claim the claim as stated
 * @param statedValue the stated figure, empty when the claim states none to compare
 * @param derivedValue the derived figure in the same unit, empty when it cannot be derived
 * @param derivation the route, with its arithmetic
 * @param verdict the audit's verdict, e.g. {@code "consistent"} or {@code "INCONSISTENT"}
 * @param flagged true when the audit calls the claim out (a disagreement beyond its tolerance)
 * @param note what the disagreement means, or what the derivation assumes; may be empty
 */
public record AuditFinding(
    String topic,
    String claim,
    Optional<Double> statedValue,
    Optional<Double> derivedValue,
    String unit,
    String derivation,
    String verdict,
    boolean flagged,
    String note) {

  public AuditFinding {
    if (claim == null || claim.isBlank()) {
      throw new IllegalArgumentException("claim must not be blank");
    }
    topic = topic == null ? "" : topic.strip();
    Objects.requireNonNull(statedValue, "statedValue must not be null (use Optional.empty())");
    Objects.requireNonNull(derivedValue, "derivedValue must not be null (use Optional.empty())");
    if (statedValue.filter(v -> !Double.isFinite(v)).isPresent()
        || derivedValue.filter(v -> !Double.isFinite(v)).isPresent()) {
      throw new IllegalArgumentException(
          "stated and derived values must be finite for claim '" + claim + "'");
    }
    unit = unit == null ? "" : unit.strip();
    derivation = derivation == null ? "" : derivation.strip();
    if (verdict == null || verdict.isBlank()) {
      throw new IllegalArgumentException("verdict must not be blank for claim '" + claim + "'");
    }
    note = note == null ? "" : note.strip();
  }

  /** (derived - stated) / |stated|, when both are there and the stated value is not 0. */
  public Optional<Double> relativeDifference() {
    if (statedValue.isEmpty() || derivedValue.isEmpty() || statedValue.get() == 0) {
      return Optional.empty();
    }
    return Optional.of((derivedValue.get() - statedValue.get()) / Math.abs(statedValue.get()));
  }
}
