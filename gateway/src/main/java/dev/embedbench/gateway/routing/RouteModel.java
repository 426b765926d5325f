package dev.embedbench.gateway.routing;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.MatryoshkaRange;
import dev.embedbench.backends.ModelInfo;
import java.util.List;
import java.util.Objects;

/**
 * What a route promises whichever target answers: the limits every target can meet. On a normal
 * route all targets serve one model and this is just that model; on a mixed route it is the
 * intersection.
 *
 * @param dimensions full vector length of the first target (listed in {@code /v1/models})
 * @param maxInputTokens the smallest per-input limit among the targets
 * @param matryoshka sizes every target can be truncated to, or null
 * @param tokenizer the tokenizer every target accepts ids of, or null
 * @param exactTokenLimits true when every target is in-process and checks token limits exactly
 * @param kind the first target's kind
 */
record RouteModel(
    int dimensions,
    int maxInputTokens,
    MatryoshkaRange matryoshka,
    String tokenizer,
    boolean exactTokenLimits,
    BackendKind kind) {

  static RouteModel of(List<ModelInfo> infos) {
    ModelInfo first = infos.get(0);
    int maxTokens = first.maxInputTokens();
    MatryoshkaRange range = first.matryoshka();
    String tokenizer = first.tokenizer();
    boolean exact = true;
    for (ModelInfo info : infos) {
      maxTokens = Math.min(maxTokens, info.maxInputTokens());
      range = intersect(range, info.matryoshka());
      if (!Objects.equals(tokenizer, info.tokenizer())) {
        tokenizer = null;
      }
      exact &= info.kind() == BackendKind.IN_PROCESS;
    }
    return new RouteModel(first.dimensions(), maxTokens, range, tokenizer, exact, first.kind());
  }

  private static MatryoshkaRange intersect(MatryoshkaRange a, MatryoshkaRange b) {
    if (a == null || b == null) {
      return null;
    }
    int min = Math.max(a.minDimensions(), b.minDimensions());
    int max = Math.min(a.maxDimensions(), b.maxDimensions());
    return min <= max ? new MatryoshkaRange(min, max) : null;
  }
}
