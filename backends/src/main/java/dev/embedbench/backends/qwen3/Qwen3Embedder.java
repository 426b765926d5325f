package dev.embedbench.backends.qwen3;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.qwen3.batching.InferenceRunner;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Checkpoint;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import dev.embedbench.backends.qwen3.model.MemoryCheck;
import dev.embedbench.backends.qwen3.model.Qwen3Model;
import dev.embedbench.backends.qwen3.tokenize.Qwen3Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A loaded Qwen3 embedding model with its tokenizer: the synchronous core that the backend's
 * inference thread and the {@code embed} command both drive. Confined to one thread at a time.
 */
public final class Qwen3Embedder implements InferenceRunner {

  private final Qwen3Model model;
  private final Qwen3Tokenizer tokenizer;

  private Qwen3Embedder(Qwen3Model model, Qwen3Tokenizer tokenizer) {
    this.model = model;
    this.tokenizer = tokenizer;
  }

  /** Checks the directory, the memory, then loads weights and tokenizer onto {@code device}. */
  public static Qwen3Embedder load(Path dir, Device device, int maxInputTokens, boolean truncate) {
    Qwen3Checkpoint checkpoint = Qwen3Checkpoint.open(dir);
    Qwen3Config config = checkpoint.config();
    MemoryCheck.require(
        dir,
        MemoryCheck.neededBytes(checkpoint.parameterCount(), device.isGpu() ? 2 : 4),
        MemoryCheck.availableBytes(device),
        device.isGpu() ? "GPU memory" : "memory");
    Qwen3Tokenizer tokenizer =
        Qwen3Tokenizer.load(dir, config.eosTokenId(), config.vocabSize(), maxInputTokens, truncate);
    try {
      return new Qwen3Embedder(Qwen3Model.load(checkpoint, device), tokenizer);
    } catch (RuntimeException e) {
      tokenizer.close();
      throw e;
    }
  }

  /** The device {@code preference} picks on this machine. */
  public static Device resolveDevice(DevicePreference preference) {
    if (preference == DevicePreference.CPU) {
      return Device.cpu();
    }
    boolean gpu = Engine.getEngine("PyTorch").getGpuCount() > 0;
    if (preference == DevicePreference.GPU && !gpu) {
      throw new IllegalStateException(
          "device GPU was asked for but DJL's libtorch sees no GPU (is a CUDA libtorch configured? see docs/qwen3.md)");
    }
    return gpu ? Device.gpu() : Device.cpu();
  }

  /** The longest input accepted: the option, capped by the model's positions. */
  public static int maxInputTokens(Qwen3Config config, int requested) {
    return Math.min(requested, config.maxPositionEmbeddings());
  }

  public Qwen3Model model() {
    return model;
  }

  @Override
  public int[] tokens(EmbeddingInput input) {
    return tokenizer.tokens(input);
  }

  @Override
  public float[][] embed(List<int[]> sequences) {
    return model.embed(sequences);
  }

  /** Embeds any number of sequences, {@code batchSize} at a time, in order. */
  public float[][] embedAll(List<int[]> sequences, int batchSize) {
    List<float[]> out = new ArrayList<>(sequences.size());
    for (int start = 0; start < sequences.size(); start += batchSize) {
      List<int[]> batch = sequences.subList(start, Math.min(sequences.size(), start + batchSize));
      for (float[] vector : model.embed(batch)) {
        out.add(vector);
      }
    }
    return out.toArray(new float[0][]);
  }

  @Override
  public void close() {
    try {
      model.close();
    } finally {
      tokenizer.close();
    }
  }
}
