package dev.embedbench.loadgen.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exact counts with the real Qwen3-Embedding tokenizer, kept outside the repository at {@code
 * ../shared/models/qwen3-embedding-tokenizer} relative to the repository root (the parent of this
 * module's directory), or beside the nearest ancestor that has one (a git worktree a level further
 * down); the system property {@value #DIR_PROPERTY} overrides both. Skipped where it is absent.
 */
class Qwen3TokenCounterTest {

  static final String DIR_PROPERTY = "embedbench.qwen3.tokenizerDir";
  private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

  private Path dir;

  @BeforeEach
  void findTokenizer() {
    String configured = System.getProperty(DIR_PROPERTY);
    dir = configured != null && !configured.isBlank() ? Path.of(configured) : besideTheRepository();
    assumeTrue(
        Files.isRegularFile(dir.resolve("tokenizer.json")),
        "skipped: no Qwen3 tokenizer.json in "
            + dir
            + " (set -D"
            + DIR_PROPERTY
            + " to its directory)");
  }

  private static Path besideTheRepository() {
    Path relative = Path.of("shared/models/qwen3-embedding-tokenizer");
    for (Path ancestor = HOME.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
      if (Files.isDirectory(ancestor.resolve(relative))) {
        return ancestor.resolve(relative);
      }
    }
    return HOME.resolveSibling(relative.toString());
  }

  @Test
  void countsAsAQwen3EmbeddingServerDoes() {
    try (TokenCounter counter = TokenCounter.open(dir)) {
      // [4340, 525, 498, 3351, 30] and the appended <|endoftext|> (151643), as the model sees them.
      assertEquals(6, counter.count("How are you today?"));
      assertEquals(2, counter.count("a"));
      assertTrue(counter.counting().exact());
    }
  }

  @Test
  void shapesEveryBuiltinInputIntoRangeByExactCount() {
    for (TokenRange range : new TokenRange[] {new TokenRange(60, 80), new TokenRange(64, 64)}) {
      Workload workload =
          Workload.prepare(
              new WorkloadSpec("multilingual-short", 1, range, null, null, dir), "m", HOME);
      assertTrue(workload.tokenCounting().exact());
      for (int i = 0; i < workload.distinctBodies(); i++) {
        int tokens = workload.request(i).tokens();
        assertTrue(
            tokens >= range.minTokens() && tokens <= range.maxTokens(),
            range + ": request " + i + " has " + tokens + " tokens");
      }
    }
  }
}
