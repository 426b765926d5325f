package dev.embedbench.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a swept capacity is pinned from above, or only known to be at least its figure. */
public enum Bracket {
  /** A passing rate with a failing rate above it. */
  BRACKETED("bracketed"),
  /** Nothing above the passing rate failed: the capacity is this figure or more. */
  LOWER_BOUND("lower_bound");

  private final String label;

  Bracket(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  @JsonCreator
  public static Bracket parse(String text) {
    for (Bracket bracket : values()) {
      if (bracket.label.equals(text)) {
        return bracket;
      }
    }
    throw new IllegalArgumentException(
        "bracket must be 'bracketed' or 'lower_bound', got '" + text + "'");
  }
}
