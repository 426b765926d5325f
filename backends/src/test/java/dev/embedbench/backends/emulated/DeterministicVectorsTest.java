package dev.embedbench.backends.emulated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.EmbeddingInput;
import org.junit.jupiter.api.Test;

class DeterministicVectorsTest {

  private final DeterministicVectors vectors =
      new DeterministicVectors("Qwen3-Embedding-0.6B", 1024);

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }

  private static EmbeddingInput text(String s) {
    return new EmbeddingInput.Text(s);
  }

  @Test
  void sameTextSameVectorEvenFromAnotherInstance() {
    float[] a = vectors.vector(text("The capital of China is Beijing."));
    float[] b =
        new DeterministicVectors("Qwen3-Embedding-0.6B", 1024)
            .vector(text("The capital of China is Beijing."));
    assertArrayEquals(a, b);
  }

  @Test
  void vectorsAreUnitLengthAndOfTheModelsDimension() {
    for (String s : new String[] {"a", "中文", "x".repeat(10_000)}) {
      float[] v = vectors.vector(text(s));
      assertEquals(1024, v.length);
      assertEquals(1.0, dot(v, v), 1e-5);
    }
  }

  @Test
  void differentInputsOrModelsAreNearlyOrthogonal() {
    float[] a = vectors.vector(text("alpha"));
    assertTrue(Math.abs(dot(a, vectors.vector(text("alpha ")))) < 0.2);
    assertTrue(
        Math.abs(dot(a, new DeterministicVectors("bge-m3", 1024).vector(text("alpha")))) < 0.2);
  }

  @Test
  void tokenIdsAreHashedToo() {
    float[] ids = vectors.vector(new EmbeddingInput.TokenIds(new int[] {49, 151643}));
    assertArrayEquals(ids, vectors.vector(new EmbeddingInput.TokenIds(new int[] {49, 151643})));
    assertEquals(1.0, dot(ids, ids), 1e-5);
    assertTrue(
        Math.abs(dot(ids, vectors.vector(new EmbeddingInput.TokenIds(new int[] {49})))) < 0.2);
    assertTrue(Math.abs(dot(ids, vectors.vector(text("1")))) < 0.2);
  }

  @Test
  void truncationKeepsThePrefixDirectionAndRenormalises() {
    float[] full = vectors.vector(text("matryoshka"));
    float[] cut = DeterministicVectors.truncate(full.clone(), 64);
    assertEquals(64, cut.length);
    assertEquals(1.0, dot(cut, cut), 1e-5);
    double ratio = cut[0] / full[0];
    for (int i = 1; i < 64; i++) {
      assertEquals(ratio, cut[i] / full[i], 1e-4);
    }
  }
}
