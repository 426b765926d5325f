package dev.embedbench.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.embedbench.backends.EmbeddingInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSplitterTest {

  private static List<EmbeddingInput> texts(int... lengths) {
    List<EmbeddingInput> inputs = new ArrayList<>();
    for (int length : lengths) {
      inputs.add(new EmbeddingInput.Text("a".repeat(length)));
    }
    return inputs;
  }

  private static List<Integer> sizes(List<List<EmbeddingInput>> batches) {
    return batches.stream().map(List::size).toList();
  }

  @Test
  void fitsInOneWhenWithinLimits() {
    List<EmbeddingInput> inputs = texts(4, 4, 4);
    assertEquals(List.of(inputs), BatchSplitter.split(inputs, 3, Integer.MAX_VALUE));
  }

  @Test
  void splitsByInputCountKeepingOrder() {
    List<EmbeddingInput> inputs = texts(1, 2, 3, 4, 5, 6, 7);
    List<List<EmbeddingInput>> batches = BatchSplitter.split(inputs, 3, Integer.MAX_VALUE);
    assertEquals(List.of(3, 3, 1), sizes(batches));
    assertEquals(inputs, batches.stream().flatMap(List::stream).toList());
  }

  @Test
  void splitsByEstimatedTokens() {
    // 40 ASCII characters estimate to 10 + 1 tokens; the budget fits two.
    List<EmbeddingInput> inputs = texts(40, 40, 40, 40, 40);
    assertEquals(List.of(2, 2, 1), sizes(BatchSplitter.split(inputs, 100, 22)));
  }

  @Test
  void anOversizedInputTravelsAlone() {
    List<EmbeddingInput> inputs = texts(4, 400, 4);
    assertEquals(List.of(1, 1, 1), sizes(BatchSplitter.split(inputs, 100, 10)));
  }

  @Test
  void tokenIdsCountExactly() {
    List<EmbeddingInput> inputs =
        List.of(
            new EmbeddingInput.TokenIds(new int[5]),
            new EmbeddingInput.TokenIds(new int[5]),
            new EmbeddingInput.TokenIds(new int[1]));
    assertEquals(List.of(2, 1), sizes(BatchSplitter.split(inputs, 100, 10)));
  }
}
