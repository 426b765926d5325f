package dev.embedbench.loadgen.workload;

import java.nio.file.Path;

/**
 * Counts the tokens a Qwen3-style embedding server sees for one input: the input's own tokens plus
 * the one end-of-text token the server appends. {@link EstimatingTokenCounter} approximates that
 * from the characters; {@link HuggingFaceTokenCounter} counts it with the model's {@code
 * tokenizer.json}.
 *
 * <p>Used only while a workload is prepared, on the preparing thread; never on an event loop. A
 * counter may hold native memory (the tokenizer), released by {@link #close()}.
 */
public interface TokenCounter extends AutoCloseable {

  /** Tokens the server sees for {@code text}, end-of-text included (so at least 1). */
  int count(String text);

  /**
   * A prefix of {@code text}, cut at a code point, of at most {@code maxTokens} tokens ({@link
   * #count}), as long as the counter can find; {@code text} itself when it already fits.
   */
  String truncate(String text, int maxTokens);

  /** How this counter counts, for the labels of results. */
  TokenCounting counting();

  @Override
  void close();

  /**
   * The estimating counter when {@code tokenizer} is null, else the exact counter of that {@code
   * tokenizer.json} (or of the {@code tokenizer.json} inside that directory).
   *
   * @throws WorkloadException naming the file and the reason when the tokenizer cannot be loaded
   */
  static TokenCounter open(Path tokenizer) {
    return tokenizer == null
        ? EstimatingTokenCounter.INSTANCE
        : HuggingFaceTokenCounter.load(tokenizer);
  }
}
