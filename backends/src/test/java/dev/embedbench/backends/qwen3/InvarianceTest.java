package dev.embedbench.backends.qwen3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batching, order and Matryoshka leave results unchanged; every text input ends with one EOS. */
class InvarianceTest {

  @TempDir static Path dir;
  static Qwen3Embedder embedder;

  @BeforeAll
  static void load() throws Exception {
    TinyCheckpoints.writeRandom(dir, TinyCheckpoints.GQA, 11);
    embedder = Qwen3Embedder.load(dir, Device.cpu(), 256, false);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  private static List<int[]> mixedLengths() {
    List<int[]> sequences = new ArrayList<>();
    for (String text :
        new String[] {"a", "The quick brown fox", "hi", "jumps over the lazy dog, twice!", "xyz"}) {
      sequences.add(embedder.tokens(new EmbeddingInput.Text(text)));
    }
    return sequences;
  }

  private static double maxAbs(float[] a, float[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }

  @Test
  void aloneEqualsInsideAPaddedBatchOfMixedLengths() {
    List<int[]> sequences = mixedLengths();
    float[][] batched = embedder.embed(sequences);
    for (int i = 0; i < sequences.size(); i++) {
      float[] alone = embedder.embed(List.of(sequences.get(i)))[0];
      assertTrue(maxAbs(alone, batched[i]) < 1e-5, "input " + i + ": " + maxAbs(alone, batched[i]));
    }
  }

  @Test
  void batchOrderChangesNoResult() {
    List<int[]> sequences = mixedLengths();
    float[][] original = embedder.embed(sequences);
    List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4));
    Collections.shuffle(order, new Random(3));
    List<int[]> shuffled = new ArrayList<>();
    for (int index : order) {
      shuffled.add(sequences.get(index));
    }
    float[][] permuted = embedder.embed(shuffled);
    for (int i = 0; i < order.size(); i++) {
      float[] expected = original[order.get(i)];
      assertTrue(
          maxAbs(expected, permuted[i]) < 1e-5,
          "position " + i + ": " + maxAbs(expected, permuted[i]));
    }
  }

  @Test
  void vectorsAreUnitLengthAndDistinct() {
    float[][] vectors = embedder.embed(mixedLengths());
    for (float[] vector : vectors) {
      assertEquals(1.0, norm(vector), 1e-5);
    }
    assertTrue(maxAbs(vectors[0], vectors[1]) > 1e-2, "different inputs give different vectors");
  }

  @Test
  void matryoshkaTruncatesThenRenormalises() {
    float[] full = embedder.embed(List.of(mixedLengths().get(1)))[0];
    float[] cut = Qwen3Prompts.truncate(full, 16);
    assertEquals(16, cut.length);
    assertEquals(1.0, norm(cut), 1e-6);
    double scale = cut[0] / full[0];
    for (int i = 0; i < 16; i++) {
      assertEquals(full[i] * scale, cut[i], 1e-6, "same direction as the first 16 dimensions");
    }
    assertArrayEquals(full, Qwen3Prompts.truncate(full, full.length), 1e-6f);
  }

  @Test
  void everyTextEndsWithExactlyOneEndOfText() {
    for (String text : new String[] {"", "a", "<|endoftext|>x", "hello world"}) {
      int[] ids = embedder.tokens(new EmbeddingInput.Text(text));
      assertEquals(TinyCheckpoints.EOS, ids[ids.length - 1], text);
      assertEquals(1, Arrays.stream(ids).filter(id -> id == TinyCheckpoints.EOS).count(), text);
    }
  }

  @Test
  void instructionFormatFollowsQwenExamples() {
    assertEquals("Instruct: Find it\nQuery:What?", Qwen3Prompts.query("Find it", "What?"));
    assertEquals(Qwen3Config.QWEN3_END_OF_TEXT, Qwen3Config.qwen3Embedding06b(false).eosTokenId());
  }

  private static double norm(float[] vector) {
    double sum = 0;
    for (float value : vector) {
      sum += value * value;
    }
    return Math.sqrt(sum);
  }
}
