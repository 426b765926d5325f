package dev.embedbench.cli.compare;

import dev.embedbench.backends.qwen3.DevicePreference;
import dev.embedbench.backends.qwen3.batching.BatchSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The in-process Qwen3 model of a comparison.
 *
 * @param modelPath a real checkpoint directory, or null to generate (once) a synthetic one
 * @param synthetic the synthetic checkpoint's architecture when {@code modelPath} is null
 * @param device where it runs
 * @param batching how its requests are batched
 */
public record InProcessPlan(
    Path modelPath, SyntheticPreset synthetic, DevicePreference device, BatchSettings batching) {

  public InProcessPlan {
    Objects.requireNonNull(synthetic, "synthetic");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(batching, "batching");
  }

  public InProcessPlan withModelPath(Path path) {
    return new InProcessPlan(path, synthetic, device, batching);
  }

  public InProcessPlan withSynthetic(SyntheticPreset preset) {
    return new InProcessPlan(modelPath, preset, device, batching);
  }
}
