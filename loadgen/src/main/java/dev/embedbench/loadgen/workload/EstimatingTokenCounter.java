package dev.embedbench.loadgen.workload;

/** Counts with {@link TokenEstimator}'s rule: no tokenizer, no native memory, no state. */
public final class EstimatingTokenCounter implements TokenCounter {

  static final EstimatingTokenCounter INSTANCE = new EstimatingTokenCounter();

  private EstimatingTokenCounter() {}

  @Override
  public int count(String text) {
    return TokenEstimator.estimate(text);
  }

  @Override
  public String truncate(String text, int maxTokens) {
    return TokenEstimator.truncate(text, maxTokens);
  }

  @Override
  public TokenCounting counting() {
    return TokenCounting.estimated();
  }

  @Override
  public void close() {
    // Nothing is held.
  }
}
