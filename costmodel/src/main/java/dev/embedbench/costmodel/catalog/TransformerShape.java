package dev.embedbench.costmodel.catalog;

import java.util.Objects;

/**
 * A transformer's shape as its {@code config.json} states it, and what follows from it: parameter
 * counts and forward-pass FLOPs per token.
 *
 * <p>FLOPs per token for a sequence of {@code n} tokens: {@code 2 × layers × linearWeightsPerLayer
 * + 4 × layers × heads × headDim × context(n)}, where a multiply-add counts as 2 FLOPs, the first
 * term is every linear projection (q, k, v, o and the MLP) and the second is the two attention
 * products (q·kᵀ and scores·v) over the keys a token attends to: {@code context(n) = (n + 1) / 2}
 * on average under causal attention, {@code n} when bidirectional. Embedding lookups, norms,
 * biases, softmax and activations are left out (under 1% at these shapes); there is no LM head in
 * an embedding model.
 *
 * @param architecture which family, deciding biases, MLP matrices, norms and causality
 * @param hiddenSize width of the residual stream
 * @param layers number of transformer blocks
 * @param attentionHeads query heads
 * @param keyValueHeads key/value heads (grouped-query attention); equal to attentionHeads when not
 *     grouped
 * @param headDim width of one head; heads × headDim need not equal hiddenSize (Qwen3-0.6B: 16 ×
 *     128)
 * @param intermediateSize width of the MLP
 * @param vocabSize rows of the token embedding
 * @param maxPositionEmbeddings rows of a learned position table (encoders) or the rotary range
 *     (Qwen3)
 * @param tokenTypes rows of the token-type table (encoders; 0 for Qwen3)
 * @param pooler whether the checkpoint carries a dense pooler layer (counted in parameters, never
 *     run)
 */
public record TransformerShape(
    Architecture architecture,
    int hiddenSize,
    int layers,
    int attentionHeads,
    int keyValueHeads,
    int headDim,
    int intermediateSize,
    int vocabSize,
    int maxPositionEmbeddings,
    int tokenTypes,
    boolean pooler) {

  public TransformerShape {
    Objects.requireNonNull(architecture, "architecture");
    requirePositive("hiddenSize", hiddenSize);
    requirePositive("layers", layers);
    requirePositive("attentionHeads", attentionHeads);
    requirePositive("keyValueHeads", keyValueHeads);
    requirePositive("headDim", headDim);
    requirePositive("intermediateSize", intermediateSize);
    requirePositive("vocabSize", vocabSize);
    requirePositive("maxPositionEmbeddings", maxPositionEmbeddings);
    if (tokenTypes < 0) {
      throw new IllegalArgumentException("tokenTypes must be >= 0, was " + tokenTypes);
    }
    if (attentionHeads % keyValueHeads != 0) {
      throw new IllegalArgumentException(
          "attentionHeads ("
              + attentionHeads
              + ") must be a multiple of keyValueHeads ("
              + keyValueHeads
              + ")");
    }
  }

  /**
   * Weights of the linear projections of one block (no biases): the matrices a token is multiplied
   * by.
   */
  public long linearWeightsPerLayer() {
    long h = hiddenSize;
    long q = h * attentionHeads * headDim;
    long kv = 2 * h * keyValueHeads * headDim;
    long o = (long) attentionHeads * headDim * h;
    long mlpMatrices = architecture == Architecture.QWEN3_DECODER ? 3 : 2;
    return q + kv + o + mlpMatrices * h * intermediateSize;
  }

  /**
   * Parameters outside the embedding tables: blocks (weights, biases, norms), final norm, pooler.
   */
  public long nonEmbeddingParameters() {
    long h = hiddenSize;
    long perLayer = linearWeightsPerLayer();
    if (architecture == Architecture.QWEN3_DECODER) {
      perLayer += 2 * h + 2L * headDim; // input and post-attention RMSNorm, q_norm and k_norm
      return layers * perLayer + h; // final RMSNorm
    }
    long attentionBiases = (long) attentionHeads * headDim + 2L * keyValueHeads * headDim + h;
    long mlpBiases = intermediateSize + h;
    long layerNorms = 2 * (2 * h);
    perLayer += attentionBiases + mlpBiases + layerNorms;
    return layers * perLayer + (pooler ? h * h + h : 0);
  }

  /** Token, position and token-type tables, plus the embedding LayerNorm of encoders. */
  public long embeddingParameters() {
    long h = hiddenSize;
    if (architecture == Architecture.QWEN3_DECODER) {
      return vocabSize * h; // rotary positions have no weights
    }
    return (vocabSize + (long) maxPositionEmbeddings + tokenTypes) * h + 2 * h;
  }

  public long parameters() {
    return embeddingParameters() + nonEmbeddingParameters();
  }

  /** Mean keys attended per token for a sequence of {@code sequenceTokens}. */
  public double attendedKeysPerToken(int sequenceTokens) {
    requirePositive("sequenceTokens", sequenceTokens);
    return architecture.causal() ? (sequenceTokens + 1) / 2.0 : sequenceTokens;
  }

  /**
   * Forward-pass FLOPs per token at this sequence length (see the class comment for the formula).
   */
  public double flopsPerToken(int sequenceTokens) {
    double linear = 2.0 * layers * linearWeightsPerLayer();
    double attention =
        4.0 * layers * attentionHeads * headDim * attendedKeysPerToken(sequenceTokens);
    return linear + attention;
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
  }
}
