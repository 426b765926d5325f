package dev.embedbench.gateway.routing;

import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.TokenEstimator;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a request's inputs into consecutive batches that fit a target's limits: at most {@code
 * maxInputs} inputs and {@code maxTokens} estimated tokens each. Order is kept, so concatenating
 * the answers in batch order restores input order. An input larger than {@code maxTokens} on its
 * own (but within the model's limit, checked earlier) travels alone.
 */
final class BatchSplitter {

  private BatchSplitter() {}

  static List<List<EmbeddingInput>> split(
      List<EmbeddingInput> inputs, int maxInputs, int maxTokens) {
    if (inputs.size() <= maxInputs && maxTokens == Integer.MAX_VALUE) {
      return List.of(inputs);
    }
    List<List<EmbeddingInput>> batches = new ArrayList<>();
    int start = 0;
    long tokens = 0;
    for (int i = 0; i < inputs.size(); i++) {
      int t = maxTokens == Integer.MAX_VALUE ? 0 : TokenEstimator.estimate(inputs.get(i));
      boolean full = i - start == maxInputs || (i > start && tokens + t > maxTokens);
      if (full) {
        batches.add(inputs.subList(start, i));
        start = i;
        tokens = 0;
      }
      tokens += t;
    }
    batches.add(inputs.subList(start, inputs.size()));
    return batches;
  }
}
