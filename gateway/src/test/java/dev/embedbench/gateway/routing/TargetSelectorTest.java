package dev.embedbench.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TargetSelectorTest {

  @Test
  void drawsInProportionToWeight() {
    TargetSelector selector = new TargetSelector(new int[] {5, 0, 3, 2});
    SplittableRandom random = new SplittableRandom(7);
    int[] counts = new int[4];
    for (int i = 0; i < 100_000; i++) {
      counts[selector.pickFirst(t -> true, random)]++;
    }
    assertEquals(0, counts[1]);
    assertTrue(Math.abs(counts[0] - 50_000) < 1_000, "weight 5: " + counts[0]);
    assertTrue(Math.abs(counts[2] - 30_000) < 1_000, "weight 3: " + counts[2]);
    assertTrue(Math.abs(counts[3] - 20_000) < 1_000, "weight 2: " + counts[3]);
  }

  @Test
  void skipsIneligibleAndRenormalises() {
    TargetSelector selector = new TargetSelector(new int[] {1, 1, 0});
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100; i++) {
      assertEquals(1, selector.pickFirst(t -> t != 0, random));
    }
    assertEquals(
        2, selector.pickFirst(t -> t == 2, random), "fallback when no weighted one is left");
    assertEquals(-1, selector.pickFirst(t -> false, random));
  }

  @Test
  void failoverWalksDeclarationOrderFallbacksLast() {
    TargetSelector selector = new TargetSelector(new int[] {0, 2, 0, 1});
    assertEquals(1, selector.nextInOrder(t -> true));
    assertEquals(3, selector.nextInOrder(t -> t != 1));
    assertEquals(0, selector.nextInOrder(t -> t == 0 || t == 2));
    assertEquals(-1, selector.nextInOrder(t -> false));
  }

  @Test
  void rejectsNegativeWeights() {
    assertThrows(IllegalArgumentException.class, () -> new TargetSelector(new int[] {1, -1}));
  }
}
