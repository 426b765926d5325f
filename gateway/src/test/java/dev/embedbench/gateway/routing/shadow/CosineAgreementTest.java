package dev.embedbench.gateway.routing.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CosineAgreementTest {

  @Test
  void meanOfPairwiseCosines() {
    List<float[]> a = List.of(new float[] {1, 0}, new float[] {0, 2});
    List<float[]> b = List.of(new float[] {3, 0}, new float[] {1, 1});
    assertEquals((1 + Math.sqrt(0.5)) / 2, CosineAgreement.mean(a, b), 1e-12);
    assertEquals(-1, CosineAgreement.cosine(new float[] {1, 1}, new float[] {-2, -2}), 1e-12);
  }

  @Test
  void incomparableAnswersAreNaN() {
    assertTrue(Double.isNaN(CosineAgreement.mean(List.of(new float[2]), List.of())));
    assertTrue(Double.isNaN(CosineAgreement.cosine(new float[2], new float[3])));
    assertTrue(Double.isNaN(CosineAgreement.cosine(new float[] {0, 0}, new float[] {1, 0})));
  }
}
