package dev.embedbench.backends.qwen3;

/**
 * The Qwen3-Embedding input conventions: queries carry an instruction, documents carry nothing, and
 * output vectors may be cut to their first N dimensions and renormalised (Matryoshka).
 */
public final class Qwen3Prompts {

  private Qwen3Prompts() {}

  /**
   * {@code Instruct: {task}\nQuery:{query}}, with no space after {@code Query:} as in Qwen's
   * examples.
   */
  public static String query(String task, String query) {
    return "Instruct: " + task + "\nQuery:" + query;
  }

  /** The first {@code dimensions} values of a unit vector, renormalised to unit length. */
  public static float[] truncate(float[] vector, int dimensions) {
    if (dimensions < 1 || dimensions > vector.length) {
      throw new IllegalArgumentException(
          "dimensions must be in [1, " + vector.length + "], was " + dimensions);
    }
    double sumSquares = 0;
    for (int i = 0; i < dimensions; i++) {
      sumSquares += (double) vector[i] * vector[i];
    }
    double scale = sumSquares > 0 ? 1 / Math.sqrt(sumSquares) : 0;
    float[] out = new float[dimensions];
    for (int i = 0; i < dimensions; i++) {
      out[i] = (float) (vector[i] * scale);
    }
    return out;
  }
}
