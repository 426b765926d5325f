package dev.embedbench.loadgen.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.testsupport.models.TinyTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact counts with a tokenizer.json written by the test (see {@link TinyTokenizer}). */
class HuggingFaceTokenCounterTest {

  @TempDir Path tmp;

  @Test
  void countsTheTextsTokensWithoutSpecialTokensPlusOneEndOfText() throws Exception {
    try (TokenCounter counter = TokenCounter.open(TinyTokenizer.write(tmp))) {
      assertEquals(
          4,
          counter.count("alpha beta gamma"),
          "three words, and end-of-text once (not the [EOS] too)");
      assertEquals(4, counter.count("alpha, beta"), "a punctuation run is a token");
      assertEquals(3, counter.count("unknown words"), "each unknown word is one [UNK]");
      assertEquals(1, counter.count(""), "an empty text is end-of-text alone");
      assertEquals(
          6, TokenEstimator.estimate("alphabetagamma zeta"), "the estimator counts characters");
      assertEquals(3, counter.count("alphabetagamma zeta"), "the tokenizer counts its tokens");
    }
  }

  @Test
  void neverTruncatesLongTexts() throws Exception {
    String thousandWords = "alpha ".repeat(1000).strip();
    try (TokenCounter counter = TokenCounter.open(TinyTokenizer.write(tmp))) {
      assertEquals(1001, counter.count(thousandWords), "DJL's default 512-token truncation is off");
    }
  }

  @Test
  void truncatesAtATokenEndToTheBudget() throws Exception {
    try (TokenCounter counter = TokenCounter.open(TinyTokenizer.write(tmp))) {
      assertEquals("alpha beta gamma", counter.truncate("alpha beta gamma delta epsilon", 4));
      assertEquals("alpha,", counter.truncate("alpha, beta", 3));
      assertEquals(
          "alpha beta", counter.truncate("alpha beta", 3), "a text that fits is kept whole");
      assertEquals(
          "",
          counter.truncate("alpha beta", 1),
          "a budget of one leaves room for end-of-text only");
      assertEquals("中文", counter.truncate("中文 字 x", 2), "cuts at code points, not bytes");
    }
  }

  @Test
  void saysItCountsExactlyAndWithWhichFile() throws Exception {
    Path file = TinyTokenizer.write(tmp.resolve("model"));
    String sha256 =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    for (Path given : new Path[] {file, file.getParent()}) {
      try (TokenCounter counter = TokenCounter.open(given)) {
        TokenCounting counting = counter.counting();
        assertTrue(counting.exact());
        assertEquals("exact", counting.label());
        assertEquals(
            file.toAbsolutePath().toString(),
            counting.tokenizerFile(),
            "a directory resolves to its file");
        assertEquals(sha256, counting.tokenizerSha256());
        assertEquals("exact, tokenizer " + file.toAbsolutePath(), counting.describe());
      }
    }
    try (TokenCounter estimating = TokenCounter.open(null)) {
      assertFalse(estimating.counting().exact());
      assertEquals("estimated", estimating.counting().describe());
    }
  }

  @Test
  void aMissingOrInvalidTokenizerIsAOneLineErrorNamingTheFileAndTheReason() throws Exception {
    Path missing = tmp.resolve("nowhere/tokenizer.json");
    assertMessage(missing, missing + ": no such file or directory");
    Path emptyDir = Files.createDirectories(tmp.resolve("empty"));
    assertMessage(emptyDir, emptyDir + ": the directory holds no tokenizer.json");
    Path notJson = Files.writeString(tmp.resolve("broken.json"), "{\"model\": ");
    assertMessage(notJson, notJson + ": not a valid Hugging Face tokenizer.json (");
    Path notATokenizer = Files.writeString(tmp.resolve("other.json"), "{\"hello\": \"world\"}");
    assertMessage(notATokenizer, notATokenizer + ": not a valid Hugging Face tokenizer.json (");
  }

  private static void assertMessage(Path given, String expectedStart) {
    WorkloadException e = assertThrows(WorkloadException.class, () -> TokenCounter.open(given));
    assertTrue(e.getMessage().startsWith("tokenizer " + expectedStart), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }
}
