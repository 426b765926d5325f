package dev.embedbench.loadgen.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shaper's rules with a counter whose counts are easy to state. */
class TokenShaperTest {

  /**
   * One token per word, but "XX" is two (as a character a byte-level BPE splits), plus end-of-text.
   */
  private static final class WordCounter implements TokenCounter {
    @Override
    public int count(String text) {
      int tokens = 1;
      for (String word : text.split(" ")) {
        tokens += word.isEmpty() ? 0 : word.equals("XX") ? 2 : 1;
      }
      return tokens;
    }

    @Override
    public String truncate(String text, int maxTokens) {
      String[] words = text.split(" ");
      String longest = "";
      for (int n = 1; n <= words.length; n++) {
        String prefix = String.join(" ", List.of(words).subList(0, n));
        if (count(prefix) > maxTokens) {
          break;
        }
        longest = prefix;
      }
      return longest;
    }

    @Override
    public TokenCounting counting() {
      return TokenCounting.exact("/test/words.json", "00");
    }

    @Override
    public void close() {}
  }

  @Test
  void aTextWhoseCutJumpsOverTheRangeIsShapedFromTheNextText() {
    TokenRange range = new TokenRange(3, 3);
    List<String> shaped = TokenShaper.shape(List.of("a XX b", "d e f g"), range, new WordCounter());
    assertEquals(
        List.of("d e", "d e"), shaped, "'a' is 2 tokens and 'a XX' 4: text 0 starts from text 1");
  }

  @Test
  void shortTextsAreJoinedRoundTheCorpusAsOftenAsNeeded() {
    List<String> shaped =
        TokenShaper.shape(List.of("a", "b"), new TokenRange(6, 6), new WordCounter());
    assertEquals(List.of("a b a b a", "b a b a b"), shaped);
  }

  @Test
  void aRangeNoCutCanReachIsAnErrorThatSaysSo() {
    WorkloadException e =
        assertThrows(
            WorkloadException.class,
            () ->
                TokenShaper.shape(List.of("XX", "XX XX"), new TokenRange(2, 2), new WordCounter()));
    assertTrue(
        e.getMessage()
            .startsWith(
                "cannot shape inputs to 2 tokens (exact, tokenizer /test/words.json): "
                    + "the nearest cut of \"\" has 1 tokens"),
        e.getMessage());
  }
}
