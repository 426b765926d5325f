package dev.embedbench.loadgen.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * Shapes texts to a token range: a text over the maximum is cut; one under the minimum is joined with
 * the texts after it (wrapping round the corpus) until it reaches the minimum, then cut to the maximum.
 */
public final class TokenShaper {

  private TokenShaper() {}

  public static List<String> shape(List<String> texts, TokenRange range) {
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("texts must not be empty");
    }
    List<String> shaped = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      StringBuilder text = new StringBuilder(texts.get(i));
      // Each pass adds at least a space, so the estimate grows and the loop ends.
      for (int next = i + 1; TokenEstimator.estimate(text.toString()) < range.minTokens(); next++) {
        text.append(' ').append(texts.get(next % texts.size()));
      }
      shaped.add(TokenEstimator.truncate(text.toString(), range.maxTokens()));
    }
    return shaped;
  }
}
