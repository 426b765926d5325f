package dev.embedbench.loadgen.workload;

/**
 * Approximate token count without a tokenizer: one token per four ASCII characters, one per other
 * code point (CJK scripts run close to one token per character in Qwen3's and XLM-R's
 * vocabularies), plus the end-of-text token. The same rule as the gateway's, copied because loadgen
 * depends on no module.
 */
public final class TokenEstimator {

  private TokenEstimator() {}

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

  /**
   * The longest prefix of {@code text}, cut at a code point, whose estimate is at most {@code
   * maxTokens}.
   */
  public static String truncate(String text, int maxTokens) {
    if (estimate(text) <= maxTokens) {
      return text;
    }
    int ascii = 0;
    int other = 0;
    int end = 0;
    while (end < text.length()) {
      int codePoint = text.codePointAt(end);
      int nextAscii = codePoint < 0x80 ? ascii + 1 : ascii;
      int nextOther = codePoint < 0x80 ? other : other + 1;
      if ((nextAscii + 3) / 4 + nextOther + 1 > maxTokens) {
        break;
      }
      ascii = nextAscii;
      other = nextOther;
      end += Character.charCount(codePoint);
    }
    return text.substring(0, end);
  }
}
