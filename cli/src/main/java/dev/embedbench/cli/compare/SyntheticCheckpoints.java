package dev.embedbench.cli.compare;

import dev.embedbench.backends.qwen3.checkpoint.DType;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import dev.embedbench.backends.qwen3.checkpoint.SyntheticCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where compare keeps its random-weight checkpoints: outside the repository, under {@code
 * $EMBEDBENCH_CACHE_DIR}, else {@code $XDG_CACHE_HOME/embedbench}, else {@code
 * ~/.cache/embedbench}. A checkpoint is generated on first use and reused while its config.json is
 * unchanged.
 */
public final class SyntheticCheckpoints {

  /** Fixed, so that every machine generates the same weights. */
  static final long SEED = 20_260_117L;

  /** Standard deviation of the uniform random weights: keeps 28 layers' activations finite. */
  static final double WEIGHT_STD = 0.02;

  private final Path cacheRoot;
  private final Path tokenizerDir;

  /**
   * @param tokenizerDir the real Qwen3 tokenizer's directory, or null: without it a character-level
   *     tokenizer is generated
   */
  public SyntheticCheckpoints(Path cacheRoot, Path tokenizerDir) {
    this.cacheRoot = cacheRoot;
    this.tokenizerDir = tokenizerDir;
  }

  public static Path defaultCacheRoot() {
    String explicit = System.getenv("EMBEDBENCH_CACHE_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("embedbench");
  }

  /**
   * The real Qwen3 tokenizer if this checkout has one beside it ({@code
   * ../shared/models/qwen3-embedding-tokenizer}, as on the project's machines), else null.
   */
  public static Path findTokenizer(Path home) {
    for (Path dir = home.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/models/qwen3-embedding-tokenizer");
      if (Files.isRegularFile(candidate.resolve("tokenizer.json"))) {
        return candidate;
      }
    }
    return null;
  }

  /** The checkpoint's directory, generated first when missing; progress goes to {@code console}. */
  public Path ensure(SyntheticPreset preset, Consumer<String> console) throws IOException {
    Qwen3Config config = preset.config();
    boolean realTokenizer = SyntheticCheckpoint.usesRealTokenizer(config, tokenizerDir);
    Path dir =
        cacheRoot
            .resolve("qwen3-synthetic")
            .resolve(preset.id() + (realTokenizer ? "-qwen3-tokenizer" : "-char-tokenizer"));
    if (!Files.exists(dir.resolve(SyntheticCheckpoint.COMPLETE_MARKER))) {
      console.accept(
          String.format(
              "generating a synthetic checkpoint (%s, %,d parameters, random weights) in %s;"
                  + " later runs reuse it",
              preset.id(), config.parameterCount(), dir));
    }
    SyntheticCheckpoint.ensure(
        dir, config, DType.BF16, SEED, WEIGHT_STD, realTokenizer ? tokenizerDir : null);
    return dir;
  }
}
