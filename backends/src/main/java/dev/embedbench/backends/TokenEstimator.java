package dev.embedbench.backends;

/**
 * Estimates a text's token count without its tokenizer: one token per four ASCII characters, one
 * per other code point (CJK scripts run close to one token per character in Qwen3's and XLM-R's
 * vocabularies), plus the end-of-text token. The gateway uses it to split requests to a remote
 * target's token limit and the emulator to cost its work; exact counts come from a real tokenizer.
 */
public final class TokenEstimator {

  private TokenEstimator() {}

  public static int estimate(EmbeddingInput input) {
    if (input instanceof EmbeddingInput.TokenIds ids) {
      return ids.ids().length;
    }
    return estimate(((EmbeddingInput.Text) input).text());
  }

  public static int estimate(String text) {
    int ascii = 0;
    int other = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      if (codePoint < 0x80) {
        ascii++;
      } else {
        other++;
      }
      i += Character.charCount(codePoint);
    }
    return (ascii + 3) / 4 + other + 1;
  }
}
