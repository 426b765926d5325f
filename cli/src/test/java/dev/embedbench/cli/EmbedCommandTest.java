package dev.embedbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embedbench.backends.qwen3.checkpoint.DType;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import dev.embedbench.backends.qwen3.checkpoint.SyntheticCheckpoint;
import dev.embedbench.testsupport.console.CapturedConsole;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code embed} on a tiny synthetic checkpoint: one JSON line per input, Matryoshka, file input,
 * errors.
 */
class EmbedCommandTest {

  private static final int EOS = 127;

  @TempDir static Path dir;
  static Path model;

  @BeforeAll
  static void writeModel() throws Exception {
    model = dir.resolve("tiny");
    Qwen3Config config = new Qwen3Config(64, 2, 4, 2, 16, 96, 128, 512, 10_000, 1e-6, EOS, true);
    SyntheticCheckpoint.write(model, config, DType.F32, 3, 0.2, null);
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (CapturedConsole console = CapturedConsole.into(out, err)) {
      int code = new CommandLine(new Main()).execute(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void printsOneJsonLinePerInput() throws Exception {
    Run run = run("embed", "--model-path", model.toString(), "--device", "cpu", "Hi", "there you");
    assertEquals(0, run.exitCode(), run.err());
    String[] lines = run.out().strip().split("\n");
    assertEquals(2, lines.length);
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < 2; i++) {
      JsonNode line = json.readTree(lines[i]);
      assertEquals(i, line.get("index").asInt());
      JsonNode ids = line.get("token_ids");
      assertEquals(EOS, ids.get(ids.size() - 1).asInt());
      assertEquals(64, line.get("embedding").size());
      assertEquals(1.0, norm(line.get("embedding")), 1e-5);
    }
    assertEquals(3, json.readTree(lines[0]).get("token_ids").size());
  }

  @Test
  void matryoshkaInstructionAndFileInput() throws Exception {
    Path input = dir.resolve("inputs.jsonl");
    Files.writeString(input, "\"plain string\"\n\n{\"text\": \"object form\"}\n");
    Run run =
        run(
            "embed",
            "--model-path",
            model.toString(),
            "--device",
            "cpu",
            "--dimensions",
            "32",
            "--instruction",
            "Find",
            "--input",
            input.toString());
    assertEquals(0, run.exitCode(), run.err());
    String[] lines = run.out().strip().split("\n");
    assertEquals(2, lines.length);
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertEquals(32, first.get("embedding").size());
    assertEquals(1.0, norm(first.get("embedding")), 1e-5);
    assertEquals("Instruct: Find\nQuery:plain string".length() + 1, first.get("token_ids").size());
  }

  @Test
  void badInputsGiveClearErrors() throws Exception {
    Run missing = run("embed", "--model-path", dir.resolve("nowhere").toString(), "x");
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("config.json: missing file"), missing.err());

    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"text\": 5}\n");
    Run badFile = run("embed", "--model-path", model.toString(), "--input", bad.toString());
    assertEquals(2, badFile.exitCode());
    assertTrue(badFile.err().contains("bad.jsonl:1: expected a JSON string"), badFile.err());

    Run tooLong =
        run(
            "embed",
            "--model-path",
            model.toString(),
            "--device",
            "cpu",
            "--max-input-tokens",
            "4",
            "longer than four");
    assertEquals(2, tooLong.exitCode());
    assertTrue(tooLong.err().contains("limit of 4"), tooLong.err());

    Run dims = run("embed", "--model-path", model.toString(), "--dimensions", "65", "x");
    assertEquals(2, dims.exitCode());
    assertTrue(dims.err().contains("--dimensions must be between 32 and 64"), dims.err());
  }

  private static double norm(JsonNode vector) {
    double sum = 0;
    for (JsonNode value : vector) {
      sum += value.asDouble() * value.asDouble();
    }
    return Math.sqrt(sum);
  }
}
