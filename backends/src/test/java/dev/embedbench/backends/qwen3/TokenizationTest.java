package dev.embedbench.backends.qwen3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import dev.embedbench.backends.qwen3.checkpoint.SyntheticCheckpoint;
import dev.embedbench.backends.qwen3.tokenize.Qwen3Tokenizer;
import dev.embedbench.backends.wire.ApiException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exactly one end-of-text token, no silent truncation, token ids straight through. */
class TokenizationTest {

  private static final int EOS = Qwen3Config.QWEN3_END_OF_TEXT;

  private static Qwen3Tokenizer real(int maxTokens, boolean truncate) {
    assumeTrue(ModelDirs.hasQwen3Tokenizer(), ModelDirs.missingTokenizerMessage());
    return Qwen3Tokenizer.load(ModelDirs.qwen3Tokenizer(), EOS, 151669, maxTokens, truncate);
  }

  private static long count(int[] ids, int id) {
    return Arrays.stream(ids).filter(t -> t == id).count();
  }

  @Test
  void realQwen3TokenizerMatchesTheReference() {
    try (Qwen3Tokenizer tokenizer = real(8192, false)) {
      assertArrayEquals(
          new int[] {4340, 525, 498, 3351, 30, EOS}, tokenizer.encode("How are you today?"));
      assertArrayEquals(new int[] {64, EOS}, tokenizer.encode("a"));
      assertArrayEquals(new int[] {EOS}, tokenizer.encode(""));
    }
  }

  @Test
  void noSilentTruncationAt512() {
    String longText = "word ".repeat(3000);
    try (Qwen3Tokenizer tokenizer = real(8192, false)) {
      int[] ids = tokenizer.encode(longText);
      assertTrue(ids.length > 3000, "kept all " + ids.length + " tokens");
      assertEquals(EOS, ids[ids.length - 1]);
      assertEquals(1, count(ids, EOS));
    }
    try (Qwen3Tokenizer tokenizer = real(1000, false)) {
      ApiException e = assertThrows(ApiException.class, () -> tokenizer.encode(longText));
      assertEquals(400, e.error().httpStatus());
      assertEquals("input", e.error().param());
      assertTrue(e.getMessage().contains("limit of 1000"), e.getMessage());
    }
    try (Qwen3Tokenizer tokenizer = real(1000, true)) {
      int[] ids = tokenizer.encode(longText);
      assertEquals(1000, ids.length);
      assertEquals(EOS, ids[999]);
      assertEquals(1, count(ids, EOS));
    }
  }

  @Test
  void generatedTokenizerAppendsExactlyOneEndOfText(@TempDir Path dir) throws Exception {
    Qwen3Config config = TinyCheckpoints.GQA;
    Files.writeString(
        dir.resolve("tokenizer.json"), SyntheticCheckpoint.characterTokenizerJson(config));
    try (Qwen3Tokenizer tokenizer = Qwen3Tokenizer.load(dir, TinyCheckpoints.EOS, 128, 16, false)) {
      int[] ids = tokenizer.encode("Hi!");
      assertArrayEquals(new int[] {'H' - 31, 'i' - 31, '!' - 31, TinyCheckpoints.EOS}, ids);
      assertEquals(1, count(tokenizer.encode("x".repeat(15)), TinyCheckpoints.EOS));
      assertThrows(ApiException.class, () -> tokenizer.encode("x".repeat(16)));
    }
  }

  @Test
  void tokenIdsPassStraightThroughButAreChecked(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("tokenizer.json"),
        SyntheticCheckpoint.characterTokenizerJson(TinyCheckpoints.GQA));
    try (Qwen3Tokenizer tokenizer = Qwen3Tokenizer.load(dir, TinyCheckpoints.EOS, 128, 8, false)) {
      int[] ids = {5, 6, 7};
      assertArrayEquals(ids, tokenizer.tokens(new EmbeddingInput.TokenIds(ids)));
      assertEquals(
          400,
          assertThrows(
                  ApiException.class,
                  () -> tokenizer.tokens(new EmbeddingInput.TokenIds(new int[] {1, 128})))
              .error()
              .httpStatus());
      assertEquals(
          400,
          assertThrows(
                  ApiException.class,
                  () -> tokenizer.tokens(new EmbeddingInput.TokenIds(new int[9])))
              .error()
              .httpStatus());
      assertEquals(
          400,
          assertThrows(
                  ApiException.class,
                  () -> tokenizer.tokens(new EmbeddingInput.TokenIds(new int[0])))
              .error()
              .httpStatus());
    }
  }
}
