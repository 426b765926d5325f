package dev.embedbench.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MatryoshkaTest {

  @Test
  void keepsThePrefixAndRenormalises() {
    float[] full = {3f, 4f, 12f, 84f};
    assertArrayEquals(new float[] {0.6f, 0.8f}, Matryoshka.truncate(full, 2), 1e-7f);
    float[] three = Matryoshka.truncate(full, 3);
    assertArrayEquals(new float[] {3f / 13, 4f / 13, 12f / 13}, three, 1e-7f);
    assertArrayEquals(new float[] {3f, 4f, 12f, 84f}, full, "the input is not modified");
  }

  @Test
  void resultIsAUnitVector() {
    float[] full =
        ScriptedBackend.vectorFor(new dev.embedbench.backends.EmbeddingInput.Text("q"), 1024);
    for (int n : new int[] {32, 256, 1000, 1024}) {
      float[] cut = Matryoshka.truncate(full, n);
      double norm = 0;
      for (float v : cut) {
        norm += v * v;
      }
      assertEquals(1.0, Math.sqrt(norm), 1e-6, "n=" + n);
      assertEquals(full[0] / Math.abs(full[0]), cut[0] / Math.abs(cut[0]), "direction kept");
    }
  }

  @Test
  void zeroPrefixStaysZero() {
    assertArrayEquals(new float[] {0f, 0f}, Matryoshka.truncate(new float[] {0f, 0f, 1f}, 2));
  }

  @Test
  void rejectsSizesOutsideTheVector() {
    assertThrows(IllegalArgumentException.class, () -> Matryoshka.truncate(new float[4], 0));
    assertThrows(IllegalArgumentException.class, () -> Matryoshka.truncate(new float[4], 5));
  }
}
