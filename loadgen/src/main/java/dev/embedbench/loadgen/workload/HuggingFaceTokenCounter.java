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
 * Exact counts from a Hugging Face {@code tokenizer.json}, through DJL's tokenizer (a native library
 * bundled in its jar; nothing is downloaded).
 *
 * <p>The rule is the estimator's, made exact: the tokens of the text encoded <em>without</em> special
 * tokens, plus one end-of-text token, which is what a Qwen3 embedding server feeds its model (its
 * tokenizer's post-processor appends {@code <|endoftext|>}; counting without special tokens and adding
 * one keeps a tokenizer whose post-processor appends nothing, or something else, on the same rule).
 * DJL's defaults would truncate to 512 tokens and pad; both are off so every token is counted.
 */
public final class HuggingFaceTokenCounter implements TokenCounter {

  static final String FILE_NAME = "tokenizer.json";

  private static final Map<String, String> OPTIONS = Map.of(
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
   * @throws WorkloadException naming the file and the reason: missing, unreadable or not a tokenizer
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
      throw new WorkloadException("tokenizer " + file + ": not a valid Hugging Face tokenizer.json ("
          + firstLine(e) + ")", e);
    }
    return new HuggingFaceTokenCounter(tokenizer, TokenCounting.exact(file.toString(), sha256(json)));
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
   * Cuts after the last text token that fits, at that token's end (DJL's spans count code points).
   * Encoding a prefix can give other tokens than the ones it was cut from (one character split over
   * several byte-level tokens, say), so each cut is counted again, stepping back a token until it fits.
   */
  @Override
  public String truncate(String text, int maxTokens) {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be >= 1 (the end-of-text token), got " + maxTokens);
    }
    Encoding encoding = tokenizer.encode(text, false, false);
    if (encoding.getIds().length + 1 <= maxTokens) {
      return text;
    }
    CharSpan[] spans = encoding.getCharTokenSpans();
    int codePoints = text.codePointCount(0, text.length());
    for (int kept = maxTokens - 1; kept >= 1; kept--) {
      CharSpan span = spans[kept - 1];
      if (span == null) {
        continue;
      }
      int end = Math.min(Math.max(span.getEnd(), 0), codePoints);
      String prefix = text.substring(0, text.offsetByCodePoints(0, end));
      if (count(prefix) <= maxTokens) {
        return prefix;
      }
    }
    return "";
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
