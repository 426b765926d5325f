package dev.embedbench.backends.qwen3.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Half-split rotary position embedding for positions 0..L-1: {@code x·cos + rotate_half(x)·sin}
 * with {@code inv_freq_i = theta^(-2i/head_dim)}, {@code emb = cat(freqs, freqs)} and {@code
 * rotate_half(x) = cat(-x[D/2:], x[:D/2])}. Angles are computed in double and rounded once.
 */
final class Rotary {

  private final NDArray cos;
  private final NDArray sin;
  private final int half;

  private Rotary(NDArray cos, NDArray sin, int half) {
    this.cos = cos;
    this.sin = sin;
    this.half = half;
  }

  /** cos and sin as [1, L, 1, D] in {@code scope}, broadcasting over batch and heads. */
  static Rotary create(NDManager scope, int length, int headDim, double theta, DataType dataType) {
    int half = headDim / 2;
    float[] cos = new float[length * headDim];
    float[] sin = new float[length * headDim];
    for (int i = 0; i < half; i++) {
      double inverseFrequency = 1.0 / Math.pow(theta, (2.0 * i) / headDim);
      for (int position = 0; position < length; position++) {
        double angle = position * inverseFrequency;
        float c = (float) Math.cos(angle);
        float s = (float) Math.sin(angle);
        cos[position * headDim + i] = c;
        cos[position * headDim + i + half] = c;
        sin[position * headDim + i] = s;
        sin[position * headDim + i + half] = s;
      }
    }
    Shape shape = new Shape(1, length, 1, headDim);
    return new Rotary(
        scope.create(cos, shape).toType(dataType, false),
        scope.create(sin, shape).toType(dataType, false),
        half);
  }

  /** Rotates x of shape [B, L, heads, D]; the result belongs to x's manager. */
  NDArray apply(NDArray x) {
    NDList halves = x.split(new long[] {half}, 3);
    NDArray rotated = halves.get(1).neg().concat(halves.get(0), 3);
    return x.mul(cos).add(rotated.mul(sin));
  }
}
