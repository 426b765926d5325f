package dev.embedbench.cli.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.costmodel.config.ConfigException;
import dev.embedbench.testsupport.env.RepositoryHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The article's comparison file, with and without --quick, and the errors of a bad one. */
@ExtendWith(RepositoryHome.class)
class CompareConfigLoaderTest {

  static final Path HOME = RepositoryHome.path();
  static final Path ARTICLE = HOME.resolve("configs/compare/article.yaml");

  @TempDir Path dir;

  @Test
  void articleComparison() {
    CompareConfig config = CompareConfigLoader.load(ARTICLE, false);
    assertEquals(4, config.models().size());
    assertEquals(1500, config.slo().p99Millis(), 1e-9);
    assertEquals(Duration.ofSeconds(6), config.stepDuration());
    assertEquals(HOME.resolve("configs/scenarios/article-qwen3.yaml"), config.scenario());
    ModelPlan cpu = config.models().get(3);
    assertNull(cpu.deployment(), "the CPU model is not priced");
    assertEquals(SyntheticPreset.QWEN3_0_6B, cpu.inProcess().synthetic());
    assertEquals(Duration.ofSeconds(12), cpu.stepDuration());
    long budgetSeconds =
        config.models().stream().mapToLong(m -> m.sweep().maxTotal().toSeconds()).sum();
    assertTrue(
        budgetSeconds <= 240,
        "sweeps fit the five-minute run with time to start: " + budgetSeconds + " s");
  }

  @Test
  void quickShortensEverything() {
    CompareConfig config = CompareConfigLoader.load(ARTICLE, true);
    assertTrue(config.quick());
    assertEquals(Duration.ofSeconds(2), config.stepDuration());
    for (ModelPlan model : config.models()) {
      assertTrue(model.sweep().maxTotal().compareTo(Duration.ofSeconds(12)) <= 0, model.toString());
      assertNull(model.stepDuration(), "--quick's steps apply to every model");
    }
    assertEquals(SyntheticPreset.SMALL, config.models().get(3).inProcess().synthetic());
  }

  @Test
  void errorsNameTheFileAndKey() throws Exception {
    String base = Files.readString(ARTICLE);
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file,
        base.replace(
                "scenario: ../scenarios/article-qwen3.yaml",
                "scenario: " + HOME.resolve("configs/scenarios/article-qwen3.yaml"))
            .replace("emulated: bge-m3-a10g", "emulated: bge-m3-h100"));
    ConfigException profile =
        assertThrows(ConfigException.class, () -> CompareConfigLoader.load(file, false));
    assertTrue(
        profile.getMessage().contains("bad.yaml")
            && profile.getMessage().contains("models[1].emulated"),
        profile.getMessage());

    Files.writeString(
        file, base.replace("max_rate: 2000, bisect_steps: 3", "max_rate: 1, bisect_steps: 3"));
    ConfigException maxRate =
        assertThrows(ConfigException.class, () -> CompareConfigLoader.load(file, false));
    assertTrue(
        maxRate.getMessage().contains("models[1].sweep")
            && maxRate.getMessage().contains("max rate must be >= the start rate"),
        maxRate.getMessage());

    Files.writeString(file, base.replace("p99: 1500ms", "p99: fast"));
    ConfigException slo =
        assertThrows(ConfigException.class, () -> CompareConfigLoader.load(file, false));
    assertTrue(slo.getMessage().contains("slo.p99"), slo.getMessage());

    Files.writeString(file, base.replace("  duration: 6s", "  duration: 6"));
    ConfigException bare =
        assertThrows(ConfigException.class, () -> CompareConfigLoader.load(file, false));
    assertTrue(
        bare.getMessage().contains("steps.duration")
            && bare.getMessage().contains("must be a duration with a unit"),
        bare.getMessage());

    Files.writeString(file, base.replace("max_delay: 5ms", "max_delay: 1500ns"));
    ConfigException delay =
        assertThrows(ConfigException.class, () -> CompareConfigLoader.load(file, false));
    assertTrue(
        delay.getMessage().contains("batching.max_delay")
            && delay.getMessage().contains("must be a whole number of microseconds, was 1500ns"),
        delay.getMessage());

    Files.writeString(file, base.replace("baseline: qwen3-8b", "baseline: qwen3-8b\ndeadline: 5m"));
    ConfigException unknown =
        assertThrows(ConfigException.class, () -> CompareConfigLoader.load(file, false));
    assertTrue(
        unknown.getMessage().contains("deadline") && unknown.getMessage().contains("unknown key"),
        unknown.getMessage());
  }
}
