package dev.embedbench.loadgen.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenEstimatorTest {

  @Test
  void countsAsciiByFoursAndOtherCodePointsByOnesPlusEndOfText() {
    assertEquals(1, TokenEstimator.estimate(""));
    assertEquals(2, TokenEstimator.estimate("abcd"));
    assertEquals(3, TokenEstimator.estimate("abcde"));
    assertEquals(4, TokenEstimator.estimate("中文字"));
    assertEquals(3, TokenEstimator.estimate("\uD83D\uDE00a"), "a surrogate pair is one code point");
  }

  @Test
  void truncatesAtCodePointsToTheBudget() {
    assertEquals("abcdefgh", TokenEstimator.truncate("abcdefghijkl", 3));
    assertEquals("中文", TokenEstimator.truncate("中文字", 3));
    assertEquals("short", TokenEstimator.truncate("short", 100));
  }

  @Test
  void shapingJoinsShortTextsAndCutsLongOnes() {
    List<String> shaped =
        TokenShaper.shape(
            List.of("ab", "x".repeat(400)), new TokenRange(10, 20), TokenCounter.open(null));
    for (String text : shaped) {
      int tokens = TokenEstimator.estimate(text);
      assertTrue(tokens >= 10 && tokens <= 20, text + " has " + tokens);
    }
  }

  @Test
  void rangesParseAndCheckTheirOrder() {
    assertEquals(new TokenRange(100, 200), TokenRange.parse("100-200"));
    assertEquals(new TokenRange(64, 64), TokenRange.parse("64"));
    assertThrows(IllegalArgumentException.class, () -> TokenRange.parse("200-100"));
    assertThrows(IllegalArgumentException.class, () -> TokenRange.parse("lots"));
  }
}
