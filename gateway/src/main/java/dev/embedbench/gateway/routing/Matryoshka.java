package dev.embedbench.gateway.routing;

/**
 * Matryoshka truncation: the first N values of a vector, rescaled to unit length, which is how
 * Matryoshka-trained models such as Qwen3-Embedding are meant to be shortened.
 */
final class Matryoshka {

  private Matryoshka() {}

  /** A new vector of the first {@code dimensions} values of {@code full}, L2-normalised. */
  static float[] truncate(float[] full, int dimensions) {
    if (dimensions < 1 || dimensions > full.length) {
      throw new IllegalArgumentException(
          "dimensions must be in [1, " + full.length + "], was " + dimensions);
    }
    float[] out = new float[dimensions];
    double sumOfSquares = 0;
    for (int i = 0; i < dimensions; i++) {
      sumOfSquares += (double) full[i] * full[i];
    }
    // An all-zero prefix has no direction to keep; it stays zero rather than becoming NaN.
    double scale = sumOfSquares == 0 ? 1 : 1 / Math.sqrt(sumOfSquares);
    for (int i = 0; i < dimensions; i++) {
      out[i] = (float) (full[i] * scale);
    }
    return out;
  }
}
