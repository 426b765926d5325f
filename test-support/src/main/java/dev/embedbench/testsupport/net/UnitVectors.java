package dev.embedbench.testsupport.net;

/**
 * Vectors an upstream stub answers with: unit length, distinct per seed, with values that float
 * text must carry exactly.
 */
public final class UnitVectors {

  private UnitVectors() {}

  /** The vector for input {@code seed}: sin(seed * 7.1 + d * 1.3), normalised. */
  public static float[] of(int seed, int dimensions) {
    float[] v = new float[dimensions];
    double norm = 0;
    for (int d = 0; d < dimensions; d++) {
      v[d] = (float) Math.sin(seed * 7.1 + d * 1.3);
      norm += v[d] * v[d];
    }
    for (int d = 0; d < dimensions; d++) {
      v[d] = (float) (v[d] / Math.sqrt(norm));
    }
    return v;
  }
}
