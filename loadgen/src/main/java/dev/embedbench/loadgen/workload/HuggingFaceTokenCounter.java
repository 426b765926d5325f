package dev.embedbench.loadgen.workload;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Exact counts from a Hugging Face {@code tokenizer.json}, through DJL's tokenizer (a native
 * library bundled in its jar; nothing is downloaded).
 *
 * <p>The rule is the estimator's, made exact: the tokens of the text encoded <em>without</em>
 * special tokens, plus one end-of-text token, which is what a Qwen3 embedding server feeds its
 * model (its tokenizer's post-processor appends {@code <|endoftext|>}; counting without special
 * tokens and adding one keeps a tokenizer whose post-processor appends nothing, or something else,
 * on the same rule). DJL's defaults would truncate to 512 tokens and pad; both are off so every
 * token is counted.
 */
public final class HuggingFaceTokenCounter implements TokenCounter {

  static final String FILE_NAME = "tokenizer.json";

  private static final Map<String, String> OPTIONS =
      Map.of(
          "addSpecialTokens", "false",
          "padding", "false",
          "truncation", "false");

  private final HuggingFaceTokenizer tokenizer;
  private final TokenCounting counting;

  private HuggingFaceTokenCounter(HuggingFaceTokenizer tokenizer, TokenCounting counting) {
    this.tokenizer = tokenizer;
    this.counting = counting;
  }

  /**
   * Loads {@code given}: a {@code tokenizer.json}, or a directory holding one (a model directory).
   *
   * @throws WorkloadException naming the file and the reason: missing, unreadable or not a
   *     tokenizer
   */
  public static HuggingFaceTokenCounter load(Path given) {
    Path file = resolve(given);
    byte[] json;
    try {
      json = Files.readAllBytes(file);
    } catch (IOException | SecurityException e) {
      throw new WorkloadException("tokenizer " + file + ": cannot read: " + e.getMessage(), e);
    }
    HuggingFaceTokenizer tokenizer;
    try (InputStream in = new ByteArrayInputStream(json)) {
      tokenizer = HuggingFaceTokenizer.newInstance(in, OPTIONS);
    } catch (IOException | RuntimeException | LinkageError e) {
      // The native parser's message says what is wrong (JSON syntax, an unknown model type...).
      throw new WorkloadException(
          "tokenizer " + file + ": not a valid Hugging Face tokenizer.json (" + firstLine(e) + ")",
          e);
    }
    return new HuggingFaceTokenCounter(
        tokenizer, TokenCounting.exact(file.toString(), sha256(json)));
  }

  static Path resolve(Path given) {
    Path path = given.toAbsolutePath().normalize();
    if (Files.isDirectory(path)) {
      Path inside = path.resolve(FILE_NAME);
      if (!Files.isRegularFile(inside)) {
        throw new WorkloadException("tokenizer " + path + ": the directory holds no " + FILE_NAME);
      }
      return inside;
    }
    if (!Files.exists(path)) {
      throw new WorkloadException("tokenizer " + path + ": no such file or directory");
    }
    if (!Files.isRegularFile(path)) {
      throw new WorkloadException("tokenizer " + path + ": not a regular file");
    }
    return path;
  }

  @Override
  public int count(String text) {
    return tokenizer.encode(text, false, false).getIds().length + 1;
  }

  /**
   * Cuts at the end of a token (DJL's spans count code points), first after the last text token
   * that fits. Encoding a prefix can give other tokens than the ones it was cut from (a word cut
   * short may merge into fewer tokens, a character split over byte-level tokens into more), so each
   * cut is counted again: while it falls short of the budget the cut moves a token later, while it
   * is over, a token earlier. The result is the longest such cut that fits.
   */
  @Override
  public String truncate(String text, int maxTokens) {
    if (maxTokens < 1) {
      throw new IllegalArgumentException(
          "maxTokens must be >= 1 (the end-of-text token), got " + maxTokens);
    }
    Encoding encoding = tokenizer.encode(text, false, false);
    CharSpan[] spans = encoding.getCharTokenSpans();
    if (spans.length + 1 <= maxTokens) {
      return text;
    }
    String longest = null;
    for (int kept = maxTokens - 1; kept >= 1 && kept < spans.length; kept++) {
      String prefix = prefix(text, spans, kept);
      int tokens = count(prefix);
      if (tokens > maxTokens) {
        break;
      }
      longest = prefix;
      if (tokens == maxTokens) {
        break;
      }
    }
    for (int kept = maxTokens - 2; longest == null && kept >= 1; kept--) {
      String prefix = prefix(text, spans, kept);
      if (count(prefix) <= maxTokens) {
        longest = prefix;
      }
    }
    return longest == null ? "" : longest;
  }

  /** The text up to the end of its first {@code kept} tokens. */
  private static String prefix(String text, CharSpan[] spans, int kept) {
    int codePoints = text.codePointCount(0, text.length());
    int end = 0;
    for (int i = kept - 1; i >= 0 && spans[i] == null; i--) {
      kept--;
    }
    if (kept > 0) {
      end = Math.min(Math.max(spans[kept - 1].getEnd(), 0), codePoints);
    }
    return text.substring(0, text.offsetByCodePoints(0, end));
  }

  @Override
  public TokenCounting counting() {
    return counting;
  }

  @Override
  public void close() {
    tokenizer.close();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
