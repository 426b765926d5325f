package dev.embedbench.backends.qwen3;

import dev.embedbench.backends.ModelInfo;
import dev.embedbench.backends.spi.BackendSpec;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A Qwen3-Embedding checkpoint served in the gateway's own JVM ({@code type: in-process}). What it
 * serves is read from the directory's config.json at start, so the start checks, not the loader,
 * compare it with the rest of its route. Figures through it are labelled in-process, with the
 * checkpoint's weights (real or synthetic) and device.
 *
 * @param modelDir a Hugging Face model directory (config.json, tokenizer.json, safetensors)
 * @param options model name, device, token limit and batching
 */
public record InProcessSpec(Path modelDir, Qwen3Options options) implements BackendSpec {

  public static final String TYPE = "in-process";

  public InProcessSpec {
    Objects.requireNonNull(modelDir, "modelDir");
    Objects.requireNonNull(options, "options");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Optional<ModelInfo> declaredInfo() {
    return Optional.empty();
  }

  /** The backend L2-normalises every vector. */
  @Override
  public boolean normalized() {
    return true;
  }
}
