package dev.embedbench.costmodel.scenario;

import java.util.Arrays;

/**
 * What to do with a capacity that holds at another token length than the demand is priced at. Never
 * silent: {@link #NONE} refuses, naming both lengths; {@link #LINEAR} rescales and says so.
 */
public enum TokenRescale {
  /** Refuse to price: the capacity and the demand are at different token lengths. */
  NONE("none", null),
  /**
   * Throughput in inputs per second scales with 1 / tokens per input (time per input proportional
   * to its tokens, as in a compute-bound forward pass); short inputs on a GPU are not
   * compute-bound, so this overstates the capacity at longer inputs and understates it at shorter
   * ones.
   */
  LINEAR("linear", "requests/s × measured tokens / priced tokens (time per input ∝ tokens)");

  private final String label;
  private final String rule;

  TokenRescale(String label, String rule) {
    this.label = label;
    this.rule = rule;
  }

  public String label() {
    return label;
  }

  /** The rule in words, for every label of a rescaled figure; null for {@link #NONE}. */
  public String rule() {
    return rule;
  }

  public static TokenRescale fromLabel(String label) {
    return Arrays.stream(values())
        .filter(v -> v.label.equals(label))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "must be one of "
                        + Arrays.stream(values()).map(TokenRescale::label).toList()
                        + ", not '"
                        + label
                        + "'"));
  }
}
