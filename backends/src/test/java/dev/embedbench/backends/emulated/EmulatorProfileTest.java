package dev.embedbench.backends.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.MatryoshkaRange;
import dev.embedbench.backends.ModelInfo;
import dev.embedbench.backends.TokenEstimator;
import dev.embedbench.testsupport.env.RepositoryHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(RepositoryHome.class)
class EmulatorProfileTest {

  /** A typical short input: one or two sentences, 32 estimated tokens. */
  static final String TYPICAL_SHORT_INPUT =
      "Gravity is a force that attracts two bodies towards each other, and it gives weight to all"
          + " the physical objects on planets.";

  @Test
  void typicalShortInputIs32Tokens() {
    assertEquals(32, TokenEstimator.estimate(TYPICAL_SHORT_INPUT));
  }

  /** The article's mean latencies (shared/seed/CLAIMS.md, table 5.1) and the models' shapes. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "qwen3-embedding-0.6b-a10g, Qwen3-Embedding-0.6B, 65,  1024, 32",
    "qwen3-embedding-8b-a10g,   Qwen3-Embedding-8B,   320, 4096, 32",
    "bge-m3-a10g,               bge-m3,               210, 1024, 0",
  })
  void builtinProfilesAreCalibratedToTheArticle(
      String name, String model, double articleMeanMillis, int dimensions, int matryoshkaMin) {
    EmulatorProfile profile = EmulatorProfile.builtin(name);
    assertEquals(model, profile.model());
    assertEquals(dimensions, profile.dimensions());
    assertEquals(8192, profile.maxInputTokens());
    if (matryoshkaMin == 0) {
      assertNull(profile.matryoshka());
    } else {
      assertEquals(new MatryoshkaRange(matryoshkaMin, dimensions), profile.matryoshka());
    }
    int tokens = TokenEstimator.estimate(TYPICAL_SHORT_INPUT);
    assertEquals(articleMeanMillis, profile.meanServiceTime(tokens).toNanos() / 1e6, 0.01);

    // The configured distribution, sampled: its mean is the article's, within 1%.
    ServiceTimeModel model1 = new ServiceTimeModel(profile.serviceTime());
    int samples = 50_000;
    double sumMillis = 0;
    for (int i = 0; i < samples; i++) {
      sumMillis += model1.sampleNanos(tokens) / 1e6;
    }
    assertEquals(articleMeanMillis, sumMillis / samples, articleMeanMillis * 0.01);

    ModelInfo info = profile.modelInfo();
    assertEquals(BackendKind.EMULATED, info.kind());
    assertTrue(info.source().contains(name) && info.source().contains("A10G"), info.source());
    assertTrue(info.source().startsWith("emulated"), info.source());
  }

  @Test
  void builtinNamesAnUnknownProfileAndListsTheOthers() {
    ProfileException e =
        assertThrows(ProfileException.class, () -> EmulatorProfile.builtin("gpt-9"));
    assertTrue(e.getMessage().contains("gpt-9.yaml"), e.getMessage());
    assertTrue(e.reason().contains("bge-m3-a10g"), e.reason());
  }

  @Test
  void builtinRefusesPaths() {
    assertThrows(ProfileException.class, () -> EmulatorProfile.builtin("../pom"));
  }

  private static final String VALID =
      String.join(
          "\n",
          "name: test",
          "model: M",
          "hardware: H",
          "source: S",
          "dimensions: 64",
          "max_input_tokens: 512",
          "matryoshka: {min: 8, max: 64}",
          "scheduling: {mode: slots, slots: 2, queue_limit: 4}",
          "service_time: {base: 10ms, per_token: 1.5us, distribution: fixed}",
          "failures: {error_rate: 0.5, stall_rate: 0.1, stall: 2s, slow_start: 1m}",
          "");

  @Test
  void loadsEveryKey(@TempDir Path dir) throws IOException {
    EmulatorProfile profile = EmulatorProfile.load(write(dir, VALID));
    assertEquals(SchedulingMode.SLOTS, profile.scheduling().mode());
    assertEquals(2, profile.scheduling().slots());
    assertEquals(Duration.ofSeconds(1), profile.scheduling().retryAfter());
    assertEquals(Duration.ofNanos(1500), profile.serviceTime().perToken());
    assertEquals(0.5, profile.failures().errorRate());
    assertEquals(Duration.ofMinutes(1), profile.failures().slowStart());
    assertNull(profile.tokenizer());
  }

  /**
   * Every unit of the shared grammar reaches the profile, and so does a bare 0 written as a YAML
   * number.
   */
  @Test
  void durationsInEveryUnitLoad(@TempDir Path dir) throws IOException {
    String yaml =
        VALID
            .replace("queue_limit: 4}", "queue_limit: 4, retry_after: 0.5h}")
            .replace("base: 10ms, per_token: 1.5us", "base: 0, per_token: 1500ns")
            .replace("stall: 2s, slow_start: 1m", "stall: 250\u00b5s, slow_start: 1.5 m");
    EmulatorProfile profile = EmulatorProfile.load(write(dir, yaml));
    assertEquals(Duration.ofMinutes(30), profile.scheduling().retryAfter());
    assertEquals(Duration.ZERO, profile.serviceTime().base());
    assertEquals(Duration.ofNanos(1500), profile.serviceTime().perToken());
    assertEquals(Duration.ofNanos(250_000), profile.failures().stall());
    assertEquals(Duration.ofSeconds(90), profile.failures().slowStart());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "model: M                             | model                      | is required",
        "dimensions: 64                       | dimensions                 | must be a whole number",
        "max_input_tokens: 512                | max_input_tokens           | must be >= 1",
        "matryoshka: {min: 8, max: 64}        | matryoshka.max             | must be <= dimensions",
        "matryoshka: {min: 8, max: 64}        | matryoshka                 | minDimensions must be >= 1",
        "matryoshka: {min: 8, max: 64}        | matryoshka.step            | unknown key",
        "scheduling: {mode: slots, slots: 2, queue_limit: 4} | scheduling.mode | must be one of slots, batch",
        "scheduling: {mode: slots, slots: 2, queue_limit: 4} | scheduling.batch_max_tokens | applies to batch mode only",
        "scheduling: {mode: slots, slots: 2, queue_limit: 4} | scheduling.slots | must be >= 1",
        "service_time: {base: 10ms, per_token: 1.5us, distribution: fixed} | service_time.base | must be a duration",
        "service_time: {base: 10ms, per_token: 1.5us, distribution: fixed} | service_time.per_token | finer than the one-nanosecond resolution",
        "service_time: {base: 10ms, per_token: 1.5us, distribution: fixed} | service_time.cv | must be 0 (or absent) for a fixed",
        "service_time: {base: 10ms, per_token: 1.5us, distribution: fixed} | service_time.bse | unknown key",
        "failures: {error_rate: 0.5, stall_rate: 0.1, stall: 2s, slow_start: 1m} | failures.error_rate | must be in [0, 1]",
        "failures: {error_rate: 0.5, stall_rate: 0.1, stall: 2s, slow_start: 1m} | failures.stall | must be > 0 when stall_rate",
        "failures: {error_rate: 0.5, stall_rate: 0.1, stall: 2s, slow_start: 1m} | failures.slow_start | must not be negative",
        "scheduling: {mode: slots, slots: 2, queue_limit: 4} | scheduling.retry_after | must be a duration with a unit",
        "name: test                           | colour                     | unknown key",
      })
  void validationErrorsNameTheFileTheKeyAndTheReason(
      String line, String key, String reason, @TempDir Path dir) throws IOException {
    String replacement =
        switch (key) {
          case "model" -> "";
          case "dimensions" -> "dimensions: lots";
          case "max_input_tokens" -> "max_input_tokens: 0";
          case "matryoshka.max" -> "matryoshka: {min: 8, max: 128}";
          case "matryoshka" -> "matryoshka: {min: 0, max: 64}";
          case "matryoshka.step" -> "matryoshka: {min: 8, max: 64, step: 8}";
          case "scheduling.mode" -> "scheduling: {mode: magic, slots: 2, queue_limit: 4}";
          case "scheduling.batch_max_tokens" ->
              "scheduling: {mode: slots, slots: 2, queue_limit: 4, batch_max_tokens: 100}";
          case "scheduling.slots" -> "scheduling: {mode: slots, slots: 0, queue_limit: 4}";
          case "service_time.base" ->
              "service_time: {base: 10 parsecs, per_token: 1.5us, distribution: fixed}";
          case "service_time.per_token" ->
              "service_time: {base: 10ms, per_token: 0.5ns, distribution: fixed}";
          case "service_time.cv" ->
              "service_time: {base: 10ms, per_token: 1.5us, distribution: fixed, cv: 0.2}";
          case "service_time.bse" ->
              "service_time: {bse: 10ms, base: 1ms, per_token: 1.5us, distribution: fixed}";
          case "failures.error_rate" ->
              "failures: {error_rate: 1.5, stall_rate: 0.1, stall: 2s, slow_start: 1m}";
          case "failures.stall" -> "failures: {stall_rate: 0.1}";
          case "failures.slow_start" ->
              "failures: {error_rate: 0.5, stall_rate: 0.1, stall: 2s, slow_start: -1m}";
          case "scheduling.retry_after" ->
              "scheduling: {mode: slots, slots: 2, queue_limit: 4, retry_after: 2}";
          default -> "name: test\ncolour: blue";
        };
    Path file = write(dir, VALID.replace(line.trim(), replacement));
    ProfileException e = assertThrows(ProfileException.class, () -> EmulatorProfile.load(file));
    assertEquals(file, e.file());
    assertEquals(key, e.key(), e.getMessage());
    assertTrue(e.reason().contains(reason), e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
  }

  @Test
  void notYamlAndMissingFilesNameTheFile(@TempDir Path dir) throws IOException {
    Path broken = write(dir, "name: [unclosed\n");
    ProfileException e = assertThrows(ProfileException.class, () -> EmulatorProfile.load(broken));
    assertEquals(broken, e.file());
    assertTrue(e.reason().startsWith("not valid YAML"), e.reason());
    Path scalar = write(dir, "just a string\n");
    assertTrue(
        assertThrows(ProfileException.class, () -> EmulatorProfile.load(scalar))
            .reason()
            .contains("mapping"));
    Path missing = dir.resolve("absent.yaml");
    assertEquals(
        "file not found",
        assertThrows(ProfileException.class, () -> EmulatorProfile.load(missing)).reason());
  }

  private static int counter;

  private static Path write(Path dir, String yaml) throws IOException {
    Path file = dir.resolve("profile-" + (counter++) + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
