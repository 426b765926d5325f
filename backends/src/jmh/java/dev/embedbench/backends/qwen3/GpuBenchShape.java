package dev.embedbench.backends.qwen3;

import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import java.util.Locale;

/**
 * The architectures the GPU kit measures. The 0.6B and 8B are the real Qwen3-Embedding shapes
 * (their config.json keys, per docs/qwen3.md and configs/catalog/models.yaml); {@code small} keeps
 * Qwen3's vocabulary but only 2 layers of hidden 64, so the kit's steps can run on a CPU in
 * seconds.
 */
public enum GpuBenchShape {
  QWEN3_0_6B("0.6b"),
  QWEN3_8B("8b"),
  SMALL("small");

  private final String id;

  GpuBenchShape(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Random-weight config of this shape, marked synthetic. */
  public Qwen3Config config() {
    return switch (this) {
      case QWEN3_0_6B -> Qwen3Config.qwen3Embedding06b(true);
      case QWEN3_8B ->
          new Qwen3Config(
              4096,
              36,
              32,
              8,
              128,
              12288,
              151665,
              40960,
              1_000_000,
              1e-6,
              Qwen3Config.QWEN3_END_OF_TEXT,
              true);
      case SMALL ->
          new Qwen3Config(
              64,
              2,
              4,
              2,
              16,
              128,
              151669,
              32768,
              1_000_000,
              1e-6,
              Qwen3Config.QWEN3_END_OF_TEXT,
              true);
    };
  }

  public static GpuBenchShape parse(String text) {
    for (GpuBenchShape shape : values()) {
      if (shape.id.equals(text.toLowerCase(Locale.ROOT))) {
        return shape;
      }
    }
    throw new IllegalArgumentException("--shape must be 0.6b, 8b or small, was '" + text + "'");
  }
}
