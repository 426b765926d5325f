package dev.embedbench.loadgen.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * Shapes texts to a token range, as a {@link TokenCounter} counts: a text over the maximum is cut;
 * one under the minimum is joined with the texts after it (wrapping round the corpus) until it
 * reaches the minimum (repeating a small corpus as often as needed), then cut to the maximum. Every
 * text it returns is counted in range, or it throws.
 *
 * <p>With exact counts a narrow range can fall between two cuts: a character that a byte-level BPE
 * splits over two tokens makes the count jump from 63 to 65, say. Text {@code i} is then shaped
 * from the texts after it instead (its own start skipped), whose cut falls elsewhere.
 */
public final class TokenShaper {

  /** How many starting texts to try for one shaped text before giving up on the range. */
  private static final int MAX_STARTS = 32;

  private TokenShaper() {}

  /**
   * @throws WorkloadException when a text cannot be brought into range: joining texts does not
   *     reach the minimum, or (exact counts, a narrow range) no cut from {@value #MAX_STARTS}
   *     starts lands in it
   */
  public static List<String> shape(List<String> texts, TokenRange range, TokenCounter counter) {
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("texts must not be empty");
    }
    // Each text's own tokens (less its end-of-text), to join without re-counting a growing text
    // each time.
    int[] textTokens = new int[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      textTokens[i] = counter.count(texts.get(i)) - 1;
    }
    List<String> shaped = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      int starts = Math.min(MAX_STARTS, texts.size());
      Cut cut = shapeFrom(texts, textTokens, i, range, counter);
      for (int start = 1; !cut.fits(range) && start < starts; start++) {
        cut = shapeFrom(texts, textTokens, (i + start) % texts.size(), range, counter);
      }
      if (!cut.fits(range)) {
        throw new WorkloadException(
            "cannot shape inputs to "
                + range
                + " tokens ("
                + counter.counting().describe()
                + "): the nearest cut of \""
                + abbreviate(cut.text())
                + "\" has "
                + cut.tokens()
                + " tokens, and no cut"
                + " starting from any of "
                + starts
                + " texts fits; widen --tokens");
      }
      shaped.add(cut.text());
    }
    return shaped;
  }

  private record Cut(String text, int tokens) {
    boolean fits(TokenRange range) {
      return tokens >= range.minTokens() && tokens <= range.maxTokens();
    }
  }

  private static Cut shapeFrom(
      List<String> texts, int[] textTokens, int first, TokenRange range, TokenCounter counter) {
    StringBuilder text = new StringBuilder(texts.get(first));
    int joinedTokens = textTokens[first] + 1;
    int joined = 0;
    // Every join adds a text of at least one character, so it adds tokens (the estimate's rounding
    // aside);
    // the bound only stops a tokenizer that would count a growing text as no longer.
    int maxJoins = texts.size() + 2 * range.minTokens();
    // The sum of the parts' counts is a guess (a join can merge or split tokens); the count
    // decides.
    while (joinedTokens < range.minTokens() || counter.count(text.toString()) < range.minTokens()) {
      if (joined == maxJoins) {
        throw new WorkloadException(
            "cannot shape inputs to "
                + range
                + " tokens ("
                + counter.counting().describe()
                + "): "
                + joined
                + " texts joined count only "
                + counter.count(text.toString())
                + " tokens");
      }
      int next = (first + 1 + joined) % texts.size();
      text.append(' ').append(texts.get(next));
      joinedTokens += textTokens[next];
      joined++;
    }
    String cut = counter.truncate(text.toString(), range.maxTokens());
    return new Cut(cut, counter.count(cut));
  }

  private static String abbreviate(String text) {
    return text.length() <= 60
        ? text
        : text.substring(
                0, text.offsetByCodePoints(0, Math.min(57, text.codePointCount(0, text.length()))))
            + "...";
  }
}
