package dev.embedbench.costmodel.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.costmodel.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class TransformerShapeTest {

  static final TransformerShape QWEN3_06B =
      new TransformerShape(
          Architecture.QWEN3_DECODER, 1024, 28, 16, 8, 128, 3072, 151669, 32768, 0, false);
  static final TransformerShape BGE_M3 =
      new TransformerShape(
          Architecture.XLM_ROBERTA_ENCODER, 1024, 24, 16, 16, 64, 4096, 250002, 8194, 1, true);

  @Test
  void qwen3SmallLinearWeightsPerLayerByHand() {
    // q 1024x(16*128)=2,097,152; k and v 1024x(8*128)=1,048,576 each; o 2048x1024=2,097,152;
    // MLP gate, up, down 3 x 1024 x 3072 = 9,437,184. Sum 15,728,640.
    assertEquals(15_728_640L, QWEN3_06B.linearWeightsPerLayer());
  }

  @Test
  void qwen3SmallParametersByHand() {
    // blocks: 28 x (15,728,640 + 2x1024 norms + 2x128 q/k norms) = 28 x 15,730,944 = 440,466,432
    // final norm 1024; embedding 151,669 x 1024 = 155,309,056. Total 595,776,512 (the card's
    // "0.6B").
    assertEquals(440_467_456L, QWEN3_06B.nonEmbeddingParameters());
    assertEquals(155_309_056L, QWEN3_06B.embeddingParameters());
    assertEquals(595_776_512L, QWEN3_06B.parameters());
  }

  @Test
  void qwen3SmallFlopsPerTokenAt128TokensByHand() {
    // linear: 2 x 28 x 15,728,640 = 880,803,840
    // attention, causal, mean keys per token (128+1)/2 = 64.5: 4 x 28 x 16 x 128 x 64.5 =
    // 14,794,752
    assertEquals(64.5, QWEN3_06B.attendedKeysPerToken(128));
    assertEquals(880_803_840.0 + 14_794_752.0, QWEN3_06B.flopsPerToken(128), 1e-3);
  }

  @Test
  void encoderAttendsToEveryTokenAndCarriesBiases() {
    // per layer: q,k,v,o 4 x 1024 x 1024 = 4,194,304 weights + 4 x 1024 biases; MLP 2 x 1024 x 4096
    // =
    // 8,388,608 + 4096 + 1024 biases; two LayerNorms 4096. = 12,596,224.
    assertEquals(12_582_912L, BGE_M3.linearWeightsPerLayer());
    // 24 x 12,596,224 = 302,309,376 + pooler 1024x1024+1024 = 1,049,600 -> 303,358,976
    assertEquals(303_358_976L, BGE_M3.nonEmbeddingParameters());
    // (250,002 + 8,194 + 1) x 1024 = 264,393,728, + LayerNorm 2048 = 264,395,776
    assertEquals(264_395_776L, BGE_M3.embeddingParameters());
    assertEquals(567_754_752L, BGE_M3.parameters());
    assertEquals(128.0, BGE_M3.attendedKeysPerToken(128));
    // 2 x 24 x 12,582,912 + 4 x 24 x 16 x 64 x 128 = 603,979,776 + 12,582,912
    assertEquals(603_979_776.0 + 12_582_912.0, BGE_M3.flopsPerToken(128), 1e-3);
  }

  @Test
  void computedParametersAgreeWithTheModelCards() {
    for (ModelSpec model : ScenarioLoader.bundledModels().models()) {
      double ratio = model.shape().parameters() / model.statedParameters();
      // the cards round (0.6B, 4B, 8B, 568M); 8B's card counts 8.19B with the LM head this model
      // drops
      assertTrue(ratio > 0.9 && ratio < 1.1, model.id() + " computed/stated = " + ratio);
    }
  }

  @Test
  void rejectsHeadsThatDoNotGroup() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new TransformerShape(
                    Architecture.QWEN3_DECODER, 1024, 28, 16, 6, 128, 3072, 10, 10, 0, false));
    assertTrue(
        e.getMessage().contains("attentionHeads (16) must be a multiple of keyValueHeads (6)"));
  }
}
