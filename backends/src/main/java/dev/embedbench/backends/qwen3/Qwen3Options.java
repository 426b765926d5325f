package dev.embedbench.backends.qwen3;

import dev.embedbench.backends.qwen3.batching.BatchListener;
import dev.embedbench.backends.qwen3.batching.BatchSettings;
import java.util.Objects;

/**
 * How to serve a Qwen3 checkpoint.
 *
 * @param modelName the name reported in {@code ModelInfo}; null for the directory's name
 * @param device where to run
 * @param maxInputTokens longest input accepted, in tokens including the end-of-text token; capped
 *     by the checkpoint's max_position_embeddings
 * @param truncate cut over-long inputs to {@code maxInputTokens} instead of refusing them with 400
 * @param batching batch size, token budget, delay and queue bound
 * @param listener metrics hooks, called on the inference thread
 */
public record Qwen3Options(
    String modelName,
    DevicePreference device,
    int maxInputTokens,
    boolean truncate,
    BatchSettings batching,
    BatchListener listener) {

  /** The examples' max_length for Qwen3-Embedding. */
  public static final int DEFAULT_MAX_INPUT_TOKENS = 8192;

  public static final Qwen3Options DEFAULTS =
      new Qwen3Options(
          null,
          DevicePreference.AUTO,
          DEFAULT_MAX_INPUT_TOKENS,
          false,
          BatchSettings.DEFAULTS,
          BatchListener.NONE);

  public Qwen3Options {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(batching, "batching");
    Objects.requireNonNull(listener, "listener");
    if (maxInputTokens < 2) {
      throw new IllegalArgumentException("maxInputTokens must be >= 2, was " + maxInputTokens);
    }
  }

  public Qwen3Options withModelName(String name) {
    return new Qwen3Options(name, device, maxInputTokens, truncate, batching, listener);
  }

  public Qwen3Options withDevice(DevicePreference preference) {
    return new Qwen3Options(modelName, preference, maxInputTokens, truncate, batching, listener);
  }

  public Qwen3Options withMaxInputTokens(int tokens) {
    return new Qwen3Options(modelName, device, tokens, truncate, batching, listener);
  }

  public Qwen3Options withTruncate(boolean enabled) {
    return new Qwen3Options(modelName, device, maxInputTokens, enabled, batching, listener);
  }

  public Qwen3Options withBatching(BatchSettings settings) {
    return new Qwen3Options(modelName, device, maxInputTokens, truncate, settings, listener);
  }

  public Qwen3Options withListener(BatchListener hooks) {
    return new Qwen3Options(modelName, device, maxInputTokens, truncate, batching, hooks);
  }
}
