package dev.embedbench.loadgen.workload;

/**
 * The token length every input is shaped to, from {@code --tokens MIN-MAX} or {@code --tokens N},
 * as the workload's {@link TokenCounter} counts (estimated, or exact with a tokenizer).
 */
public record TokenRange(int minTokens, int maxTokens) {

  public TokenRange {
    if (minTokens < 2) {
      throw new IllegalArgumentException(
          "minTokens must be >= 2 (one text token plus end-of-text), got " + minTokens);
    }
    if (maxTokens < minTokens) {
      throw new IllegalArgumentException(
          "maxTokens must be >= minTokens, got " + minTokens + "-" + maxTokens);
    }
  }

  public static TokenRange parse(String text) {
    String trimmed = text.trim();
    try {
      int dash = trimmed.indexOf('-');
      if (dash < 0) {
        int exact = Integer.parseInt(trimmed);
        return new TokenRange(exact, exact);
      }
      return new TokenRange(
          Integer.parseInt(trimmed.substring(0, dash).trim()),
          Integer.parseInt(trimmed.substring(dash + 1).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "tokens must be MIN-MAX or N (whole numbers), got '" + text + "'");
    }
  }

  @Override
  public String toString() {
    return minTokens == maxTokens ? Integer.toString(minTokens) : minTokens + "-" + maxTokens;
  }
}
