package dev.embedbench.loadgen.workload;

/**
 * How a workload's token counts were obtained: {@code estimated} from characters, or {@code exact}
 * with a tokenizer, named by its file and SHA-256 so that results say which vocabulary they were
 * counted in.
 *
 * @param tokenizerFile the absolute path of the tokenizer.json; null when estimated
 * @param tokenizerSha256 the file's SHA-256 in hex; null when estimated
 */
public record TokenCounting(boolean exact, String tokenizerFile, String tokenizerSha256) {

  public static final String EXACT = "exact";
  public static final String ESTIMATED = "estimated";

  public TokenCounting {
    if (exact != (tokenizerFile != null) || exact != (tokenizerSha256 != null)) {
      throw new IllegalArgumentException(
          "exact counts name their tokenizer file and its SHA-256, estimated ones "
              + "name neither; got exact="
              + exact
              + ", file="
              + tokenizerFile
              + ", sha256="
              + tokenizerSha256);
    }
  }

  public static TokenCounting estimated() {
    return new TokenCounting(false, null, null);
  }

  public static TokenCounting exact(String tokenizerFile, String tokenizerSha256) {
    return new TokenCounting(true, tokenizerFile, tokenizerSha256);
  }

  /** {@value #EXACT} or {@value #ESTIMATED}: the value of {@code token_count} in results. */
  public String label() {
    return exact ? EXACT : ESTIMATED;
  }

  /** For the console: {@code estimated}, or {@code exact, tokenizer /path/tokenizer.json}. */
  public String describe() {
    return exact ? EXACT + ", tokenizer " + tokenizerFile : ESTIMATED;
  }
}
