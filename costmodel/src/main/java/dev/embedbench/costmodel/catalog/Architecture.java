package dev.embedbench.costmodel.catalog;

/** The transformer families the catalog can count parameters and FLOPs for. */
public enum Architecture {
  /**
   * Qwen3 decoder used as an embedder: causal attention, grouped-query attention, SwiGLU MLP (gate,
   * up, down), RMSNorm with per-head q/k norms, no biases, rotary positions, no LM head.
   */
  QWEN3_DECODER("qwen3-decoder", true),
  /**
   * XLM-RoBERTa encoder (BGE-M3): bidirectional attention, biases on every linear, two-matrix GELU
   * MLP, LayerNorm, learned absolute positions and one token-type row.
   */
  XLM_ROBERTA_ENCODER("xlm-roberta-encoder", false);

  private final String label;
  private final boolean causal;

  Architecture(String label, boolean causal) {
    this.label = label;
    this.causal = causal;
  }

  public String label() {
    return label;
  }

  /**
   * Causal attention lets token i attend to i keys; bidirectional lets every token attend to all n.
   */
  public boolean causal() {
    return causal;
  }

  public static Architecture fromLabel(String label) {
    for (Architecture a : values()) {
      if (a.label.equals(label)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "must be one of qwen3-decoder, xlm-roberta-encoder, not '" + label + "'");
  }
}
