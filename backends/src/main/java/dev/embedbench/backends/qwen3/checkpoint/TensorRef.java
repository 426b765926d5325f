package dev.embedbench.backends.qwen3.checkpoint;

import java.nio.FloatBuffer;

/** A tensor found in a checkpoint: the file it lives in and its header entry. */
public record TensorRef(SafetensorsFile file, TensorInfo info) {

  /** Decodes elements {@code [first, first + count)} to fp32 into {@code target}. */
  public void readFloats(long first, int count, FloatBuffer target) {
    file.readFloats(info, first, count, target);
  }

  public long elements() {
    return info.elements();
  }
}
