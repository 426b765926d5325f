package dev.embedbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.testsupport.console.CapturedConsole;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code embedbench cost} on the article: the answer first, the new derivations, every sensitivity
 * case.
 */
class CostCommandTest {

  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    try (CapturedConsole console = CapturedConsole.into(out, err)) {
      return new CommandLine(new Main()).execute(args);
    }
  }

  @Test
  void showsTheUnitCostTheNewDerivationsAndTheSensitivityRows() {
    assertEquals(0, run("cost"), err.toString(StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(
        text.indexOf("Unit cost at capacity") < text.indexOf("Whole-instance fleet at 5,000,000"),
        text);
    assertTrue(text.contains("One price per GPU in this scenario:"), text);
    assertTrue(text.contains("Break-even demands"), text);
    // compute each stated fleet implies, the saving at equal utilisation, the 180/s claim against
    // the demand,
    // the like-for-like C-MTEB drop and the index memory, each with its arithmetic
    assertTrue(
        text.contains("= 103.2 TFLOP/s needed; $58,400 / ($0.95/h × 8760 h) = 7.018 GPUs"), text);
    assertTrue(text.contains("1 - 0.8956 / 13.93 GFLOP/token at 128 tokens = 93.57 %"), text);
    assertTrue(
        text.contains(
            "57.87 requests/s / 180 per A10G = 0.3215 → 1 instance(s) × $0.95/h × 8760 h"),
        text);
    assertTrue(text.contains("73.84 - 66.33 (model cards) = 7.51 points"), text);
    assertTrue(
        text.contains("10^6 vectors × 4096 × 4 bytes = 16.38 GB vs 1024 × 4 bytes = 4.096 GB"),
        text);
    assertTrue(
        text.contains(
            "savings.utilisation                                   45        47.06  %"
                + "                            +4.6%  CONTRADICTED"),
        text);
    assertTrue(
        text.contains(
            "speedup.latency                                        4        4.923  x"
                + "                           +23.1%  understated"),
        text);
    for (String factor :
        new String[] {"tokensPerInput", "targetUtilisation", "price", "capacity", "volume"}) {
      assertTrue(
          text.lines().anyMatch(line -> line.startsWith(factor + " ")), factor + " row: " + text);
    }
  }

  @Test
  void aCapacityAtAnotherTokenLengthIsRefusedNamingBoth() throws Exception {
    Path sweep = Files.createDirectories(tmp.resolve("sweep"));
    Files.writeString(
        sweep.resolve("sweep.json"),
        "{\"target\": {\"kind\": \"emulated\"}, \"workload\":"
            + " {\"inputs_per_request\": 1, \"mean_tokens_per_input\": 32}, \"steps\": [{\"rate\": 30, \"pass\": true},"
            + " {\"rate\": 40, \"pass\": false}]}");
    assertEquals(2, run("cost", "--capacity", "qwen3-8b=" + sweep));
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(
        message.contains(
            "qwen3-8b: its capacity holds at 32 tokens per input but the demand is priced at 128"),
        message);
    assertTrue(message.contains("policy.tokenRescale: linear"), message);
  }
}
