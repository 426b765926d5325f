package dev.embedbench.cli.compare;

import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import java.util.Locale;

/**
 * Architectures of the random-weight checkpoints compare generates when no real weights are given.
 * Both keep Qwen3's vocabulary and end-of-text id, so the real Qwen3 tokenizer can be used when
 * present.
 */
public enum SyntheticPreset {
  /** Qwen3-Embedding-0.6B's exact shapes: the same FLOPs per token as the real model. */
  QWEN3_0_6B("qwen3-0.6b", "random weights, 0.6B shapes"),
  /** 4 layers of hidden 256: a few percent of the 0.6B's FLOPs, for {@code --quick}. */
  SMALL("small", "random weights, small shapes (--quick)");

  private final String id;
  private final String description;

  SyntheticPreset(String id, String description) {
    this.id = id;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public Qwen3Config config() {
    if (this == QWEN3_0_6B) {
      return Qwen3Config.qwen3Embedding06b(true);
    }
    return new Qwen3Config(
        256, 4, 4, 2, 64, 768, 151669, 32768, 1_000_000, 1e-6, Qwen3Config.QWEN3_END_OF_TEXT, true);
  }

  public static SyntheticPreset parse(String text) {
    for (SyntheticPreset preset : values()) {
      if (preset.id.equals(text.toLowerCase(Locale.ROOT))) {
        return preset;
      }
    }
    throw new IllegalArgumentException("must be qwen3-0.6b or small, was '" + text + "'");
  }
}
