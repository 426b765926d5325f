package dev.embedbench.loadgen.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.testsupport.models.TinyTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shaping and request bodies counted exactly with a tokenizer.json written by the test. */
class ExactShapingTest {

  private static final List<String> TEXTS =
      List.of(
          "alpha",
          "beta gamma, delta",
          "epsilon zeta alpha beta gamma delta epsilon zeta alpha beta gamma delta epsilon zeta alpha beta",
          "x");

  @TempDir Path tmp;

  @Test
  void shapedTextsAreInRangeByExactCount() throws Exception {
    try (TokenCounter counter = TokenCounter.open(TinyTokenizer.write(tmp))) {
      for (TokenRange range :
          List.of(
              new TokenRange(5, 8),
              new TokenRange(6, 6),
              new TokenRange(2, 3),
              new TokenRange(30, 40))) {
        List<String> shaped = TokenShaper.shape(TEXTS, range, counter);
        assertEquals(TEXTS.size(), shaped.size());
        for (String text : shaped) {
          int tokens = counter.count(text);
          assertTrue(
              tokens >= range.minTokens() && tokens <= range.maxTokens(),
              range + ": '" + text + "' has " + tokens + " exact tokens");
        }
      }
    }
  }

  @Test
  void exactShapingDiffersFromEstimatedShaping() throws Exception {
    TokenRange range = new TokenRange(4, 4);
    try (TokenCounter counter = TokenCounter.open(TinyTokenizer.write(tmp))) {
      assertEquals(
          "alpha beta gamma",
          TokenShaper.shape(List.of("alpha beta gamma delta"), range, counter).get(0),
          "three words and end-of-text");
    }
    assertEquals(
        "alpha beta g",
        TokenShaper.shape(List.of("alpha beta gamma delta"), range, TokenCounter.open(null)).get(0),
        "twelve characters are three estimated tokens");
  }

  @Test
  void aWorkloadWithATokenizerCountsEveryBodyExactly() throws Exception {
    Path tokenizer = TinyTokenizer.write(tmp.resolve("tok"));
    List<WorkloadEntry> entries = new ArrayList<>();
    TEXTS.forEach(text -> entries.add(WorkloadEntry.text(text)));
    entries.add(new WorkloadEntry(List.of("alpha beta", "gamma"), true));
    Workload workload =
        Workload.fromEntries(
            "inline", entries, new WorkloadSpec("inline", 2, null, null, null, tokenizer), "m");
    assertEquals(
        TokenCounting.exact(tokenizer.toString(), workload.tokenCounting().tokenizerSha256()),
        workload.tokenCounting());
    assertEquals(
        (1 + 1) + (4 + 1), workload.request(0).tokens(), "'alpha' and 'beta gamma, delta'");
    assertEquals((16 + 1) + (1 + 1), workload.request(1).tokens(), "the long text and 'x'");
    assertEquals((2 + 1) + (1 + 1), workload.request(2).tokens(), "the whole request as it is");
    assertEquals((2 + 5 + 17 + 2 + 3 + 2) / 6.0, workload.meanTokensPerInput(), 1e-9);
  }

  @Test
  void aWorkloadShapedWithATokenizerHasEveryInputInRange() throws Exception {
    Path tokenizer = TinyTokenizer.write(tmp.resolve("tok"));
    Path file = Files.writeString(tmp.resolve("texts.txt"), String.join("\n", TEXTS) + "\n");
    TokenRange range = new TokenRange(3, 5);
    Workload workload =
        Workload.prepare(
            new WorkloadSpec(file.toString(), 1, range, null, null, tokenizer), "m", tmp);
    assertEquals(TEXTS.size(), workload.distinctBodies());
    try (TokenCounter counter = TokenCounter.open(tokenizer)) {
      for (int i = 0; i < workload.distinctBodies(); i++) {
        String input = BodyInputs.of(workload.request(i)).get(0);
        int tokens = counter.count(input);
        assertTrue(tokens >= 3 && tokens <= 5, "'" + input + "' has " + tokens + " exact tokens");
        assertEquals(tokens, workload.request(i).tokens(), "the body's count is the exact count");
      }
    }
  }

  @Test
  void aBadTokenizerFailsPreparationWithItsReason() {
    Path missing = tmp.resolve("missing.json");
    WorkloadException e =
        assertThrows(
            WorkloadException.class,
            () ->
                Workload.fromEntries(
                    "inline",
                    List.of(WorkloadEntry.text("alpha")),
                    new WorkloadSpec("inline", 1, null, null, null, missing),
                    "m"));
    assertEquals(
        "tokenizer " + missing.toAbsolutePath() + ": no such file or directory", e.getMessage());
  }
}
