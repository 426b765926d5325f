package dev.embedbench.backends.qwen3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import dev.embedbench.backends.EmbeddingInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model card's reference scores from the real Qwen3-Embedding-0.6B, in fp32 on CPU. Runs only
 * when the environment variable {@value #ENV} names the downloaded model directory.
 */
class RealWeightsTest {

  static final String ENV = "QWEN3_EMBEDDING_0_6B";
  static final String TASK =
      "Given a web search query, retrieve relevant passages that answer the query";
  static final double[][] EXPECTED = {{0.76456, 0.14143}, {0.13550, 0.59995}};

  @Test
  void modelCardScores() {
    String location = System.getenv(ENV);
    assumeTrue(
        location != null && Files.isDirectory(Path.of(location)),
        "skipped: set "
            + ENV
            + " to the Qwen3-Embedding-0.6B directory to check the model card's scores");
    List<String> texts =
        List.of(
            Qwen3Prompts.query(TASK, "What is the capital of China?"),
            Qwen3Prompts.query(TASK, "Explain gravity"),
            "The capital of China is Beijing.",
            "Gravity is a force that attracts two bodies towards each other. It gives weight to physical "
                + "objects and is responsible for the movement of planets around the sun.");
    try (Qwen3Embedder embedder =
        Qwen3Embedder.load(Path.of(location), Device.cpu(), 8192, false)) {
      List<int[]> tokens = new ArrayList<>();
      for (String text : texts) {
        tokens.add(embedder.tokens(new EmbeddingInput.Text(text)));
      }
      float[][] vectors = embedder.embed(tokens);
      for (int q = 0; q < 2; q++) {
        for (int d = 0; d < 2; d++) {
          double score = 0;
          for (int i = 0; i < vectors[q].length; i++) {
            score += vectors[q][i] * vectors[2 + d][i];
          }
          assertEquals(EXPECTED[q][d], score, 2e-3, "score[" + q + "][" + d + "]");
        }
      }
    }
  }
}
