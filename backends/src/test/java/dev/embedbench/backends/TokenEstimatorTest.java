package dev.embedbench.backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenEstimatorTest {

  @Test
  void countsFourAsciiCharactersPerTokenRoundedUpPlusEndOfText() {
    assertEquals(1, TokenEstimator.estimate(""));
    assertEquals(2, TokenEstimator.estimate("a"));
    assertEquals(2, TokenEstimator.estimate("abcd"));
    assertEquals(3, TokenEstimator.estimate("abcde"));
    assertEquals(9, TokenEstimator.estimate("What is the capital of China?"));
  }

  @Test
  void countsOneTokenPerNonAsciiCodePoint() {
    assertEquals(5, TokenEstimator.estimate("中国首都"));
    // A surrogate pair is one code point, so one token.
    assertEquals(2, TokenEstimator.estimate("\uD83D\uDE00"));
    assertEquals(1 + 1 + 2, TokenEstimator.estimate("ab中é"));
  }

  @Test
  void tokenIdsCountAsThemselves() {
    assertEquals(3, TokenEstimator.estimate(new EmbeddingInput.TokenIds(new int[] {1, 2, 3})));
    assertEquals(2, TokenEstimator.estimate(new EmbeddingInput.Text("abc")));
  }

  @Test
  void spiRecordsStateTheirRules() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> new MatryoshkaRange(0, 4))
            .getMessage()
            .contains("minDimensions must be >= 1"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> new MatryoshkaRange(64, 32))
            .getMessage()
            .contains("maxDimensions must be >= minDimensions"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new ModelInfo(
                        "m",
                        1024,
                        8192,
                        new MatryoshkaRange(32, 2048),
                        null,
                        BackendKind.EMULATED,
                        "s"))
            .getMessage()
            .contains("matryoshka.maxDimensions"));
    assertThrows(IllegalArgumentException.class, () -> new EmbeddingBatch(List.of()));
    assertEquals(BackendKind.IN_PROCESS, BackendKind.fromLabel("in-process"));
    assertTrue(new MatryoshkaRange(32, 1024).contains(32));
    assertTrue(!new MatryoshkaRange(32, 1024).contains(1025));
  }
}
