package dev.embedbench.backends.qwen3.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.qwen3.checkpoint.CheckpointException;
import dev.embedbench.backends.wire.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Turns inputs into the token ids the model reads: the model directory's tokenizer.json through
 * DJL's HuggingFace tokenizer, with exactly one end-of-text token at the end, and the input-length
 * limit enforced here rather than by the tokenizer.
 *
 * <p>DJL's tokenizer truncates to 512 tokens unless told otherwise, and pads on the right with id
 * 0; both are switched off (padding and truncation false) so it returns every token, and this class
 * decides: over {@code maxInputTokens} is a 400 unless truncation was asked for, in which case the
 * first {@code maxInputTokens - 1} tokens are kept and the end-of-text token is put back.
 *
 * <p>Token-id inputs pass straight through: only their length and id range are checked.
 */
public final class Qwen3Tokenizer implements AutoCloseable {

  private final HuggingFaceTokenizer tokenizer;
  private final int endOfText;
  private final int vocabSize;
  private final int maxInputTokens;
  private final boolean truncate;

  private Qwen3Tokenizer(
      HuggingFaceTokenizer tokenizer,
      int endOfText,
      int vocabSize,
      int maxInputTokens,
      boolean truncate) {
    this.tokenizer = tokenizer;
    this.endOfText = endOfText;
    this.vocabSize = vocabSize;
    this.maxInputTokens = maxInputTokens;
    this.truncate = truncate;
  }

  /** Loads {@code dir/tokenizer.json}. */
  public static Qwen3Tokenizer load(
      Path dir, int endOfText, int vocabSize, int maxInputTokens, boolean truncate) {
    if (maxInputTokens < 2) {
      throw new IllegalArgumentException("maxInputTokens must be >= 2, was " + maxInputTokens);
    }
    Path file = dir.resolve("tokenizer.json");
    if (!Files.isRegularFile(file)) {
      throw new CheckpointException(file, "missing file");
    }
    try {
      HuggingFaceTokenizer tokenizer =
          HuggingFaceTokenizer.newInstance(
              file,
              Map.of(
                  "addSpecialTokens", "true",
                  "padding", "false",
                  "truncation", "false",
                  "modelMaxLength", String.valueOf(maxInputTokens),
                  "maxLength", String.valueOf(maxInputTokens)));
      return new Qwen3Tokenizer(tokenizer, endOfText, vocabSize, maxInputTokens, truncate);
    } catch (IOException | RuntimeException e) {
      throw new CheckpointException(file, "cannot load the tokenizer: " + e.getMessage(), e);
    }
  }

  public int maxInputTokens() {
    return maxInputTokens;
  }

  /** Ids for one input; an over-long input is an {@link ApiException} (400) unless truncating. */
  public int[] tokens(EmbeddingInput input) {
    if (input instanceof EmbeddingInput.TokenIds ids) {
      return checkIds(ids.ids());
    }
    return encode(((EmbeddingInput.Text) input).text());
  }

  /**
   * Tokenises text so that it ends with exactly one end-of-text token: whether or not the
   * tokenizer's post-processor appends one, and even when the text spells {@code <|endoftext|>}
   * itself (the tokenizer parses that as the special token; such interior occurrences are dropped).
   */
  public int[] encode(String text) {
    long[] raw = tokenizer.encode(text).getIds();
    int[] content = new int[raw.length];
    int count = 0;
    for (long id : raw) {
      if (id != endOfText) {
        content[count++] = Math.toIntExact(id);
      }
    }
    int length = count + 1;
    if (length > maxInputTokens) {
      if (!truncate) {
        throw tooLong(length);
      }
      length = maxInputTokens;
    }
    int[] ids = Arrays.copyOf(content, length);
    ids[length - 1] = endOfText;
    return ids;
  }

  private int[] checkIds(int[] ids) {
    if (ids.length == 0) {
      throw ApiException.invalid("A token-id input must hold at least one token.", "input");
    }
    for (int id : ids) {
      if (id < 0 || id >= vocabSize) {
        throw ApiException.invalid(
            "Token id " + id + " is outside this model's vocabulary [0, " + vocabSize + ").",
            "input");
      }
    }
    if (ids.length > maxInputTokens) {
      if (!truncate) {
        throw tooLong(ids.length);
      }
      return Arrays.copyOf(ids, maxInputTokens);
    }
    return ids;
  }

  private ApiException tooLong(int tokens) {
    return ApiException.invalid(
        "An input has "
            + tokens
            + " tokens, more than this model's limit of "
            + maxInputTokens
            + "; shorten it or enable truncation for this route.",
        "input");
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
