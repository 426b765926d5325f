package dev.embedbench.backends.qwen3;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find files shared outside the repository. */
final class ModelDirs {

  static final String TOKENIZER_PROPERTY = "embedbench.qwen3.tokenizerDir";
  static final String TOKENIZER_ENV = "QWEN3_TOKENIZER_DIR";

  private ModelDirs() {}

  /**
   * The real Qwen3-Embedding tokenizer: the system property {@value #TOKENIZER_PROPERTY}, else the
   * environment variable {@value #TOKENIZER_ENV}, else {@code
   * ../shared/models/qwen3-embedding-tokenizer} beside the repository root (found by walking up
   * from the working directory to the {@code embedbench} launcher), or beside the nearest ancestor
   * holding one (a git worktree one level down).
   */
  static Path qwen3Tokenizer() {
    String configured = System.getProperty(TOKENIZER_PROPERTY, System.getenv(TOKENIZER_ENV));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("embedbench"))) {
      dir = dir.getParent();
    }
    Path root = dir != null ? dir : Path.of("").toAbsolutePath();
    Path relative = Path.of("shared/models/qwen3-embedding-tokenizer");
    for (Path ancestor = root.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
      if (Files.isDirectory(ancestor.resolve(relative))) {
        return ancestor.resolve(relative);
      }
    }
    return root.resolve("..").resolve(relative).normalize();
  }

  static boolean hasQwen3Tokenizer() {
    return Files.isRegularFile(qwen3Tokenizer().resolve("tokenizer.json"));
  }

  static String missingTokenizerMessage() {
    return "skipped: no Qwen3 tokenizer.json at "
        + qwen3Tokenizer()
        + " (set -D"
        + TOKENIZER_PROPERTY
        + " or "
        + TOKENIZER_ENV
        + " to its directory)";
  }
}
