package dev.embedbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embedbench.loadgen.workload.Workload;
import dev.embedbench.loadgen.workload.WorkloadEntry;
import dev.embedbench.loadgen.workload.WorkloadSpec;
import dev.embedbench.results.RunFiles;
import dev.embedbench.results.RunMerger;
import dev.embedbench.results.RunSummary;
import dev.embedbench.testsupport.models.TinyTokenizer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results say how tokens were counted: in summary.json, config.json, the console, and a merge. */
class TokenCountLabelTest {

  /** Four words: 4 + 1 tokens by the test's tokenizer; (23 + 3) / 4 + 1 = 7 by the estimate. */
  private static final String TEXT = "alpha beta gamma deltas";

  @TempDir Path tmp;

  private RunSummary run(Path dir, Path tokenizer, List<String> console) throws Exception {
    WorkloadSpec spec = new WorkloadSpec("inline", 1, null, null, null, tokenizer);
    Workload workload =
        Workload.fromEntries(
            "inline", List.of(WorkloadEntry.text(TEXT)), spec, TestEmbeddingServer.MODEL);
    try (TestEmbeddingServer server = new TestEmbeddingServer()) {
      LoadConfig config =
          new LoadConfig(
              "tokens",
              server.baseUrl(),
              TestEmbeddingServer.MODEL,
              null,
              new ClosedLoop(1),
              1,
              Duration.ofMillis(400),
              null,
              Duration.ZERO,
              Duration.ofSeconds(5),
              spec,
              true,
              1);
      RunSummary summary =
          new LoadRun(config, workload, dir, TestConfigs.HOME, line -> {}).execute();
      console.addAll(ConsoleSummary.lines(summary, dir));
      return summary;
    }
  }

  @Test
  void withATokenizerResultsSayExactAndWhichFile() throws Exception {
    Path tokenizer = TinyTokenizer.write(tmp.resolve("tok"));
    List<String> console = new ArrayList<>();
    RunSummary summary = run(tmp.resolve("exact"), tokenizer, console);
    assertTrue(summary.requests().ok() > 0);
    assertEquals(
        5.0,
        summary.workload().meanTokensPerRequest(),
        "four words and end-of-text, counted exactly");
    assertEquals(5.0, summary.tokensPerS() / summary.throughput().requestsPerS(), 0.01);

    JsonNode json =
        new ObjectMapper().readTree(tmp.resolve("exact").resolve(RunFiles.SUMMARY).toFile());
    assertEquals("exact", json.get("token_count").asText());
    assertEquals(tokenizer.toString(), json.get("tokenizer").get("file").asText());
    assertEquals(64, json.get("tokenizer").get("sha256").asText().length());
    assertEquals("exact", json.get("throughput").get("token_count").asText());
    assertEquals("exact", json.get("workload").get("token_count").asText());
    JsonNode config =
        new ObjectMapper().readTree(tmp.resolve("exact").resolve(RunFiles.CONFIG).toFile());
    assertEquals("exact", config.get("workload").get("token_count").asText());
    assertEquals(tokenizer.toString(), config.get("workload").get("tokenizer").asText());
    assertTrue(
        console.stream()
            .anyMatch(
                line ->
                    line.startsWith("rate: ")
                        && line.endsWith(" tokens/s (exact, tokenizer " + tokenizer + ")")),
        String.join("\n", console));
  }

  @Test
  void withoutOneResultsSayEstimated() throws Exception {
    List<String> console = new ArrayList<>();
    RunSummary summary = run(tmp.resolve("estimated"), null, console);
    assertEquals(7.0, summary.workload().meanTokensPerRequest(), "23 ASCII characters, estimated");
    JsonNode json =
        new ObjectMapper().readTree(tmp.resolve("estimated").resolve(RunFiles.SUMMARY).toFile());
    assertEquals("estimated", json.get("token_count").asText());
    assertTrue(json.get("tokenizer").isNull());
    assertEquals("estimated", json.get("throughput").get("token_count").asText());
    JsonNode config =
        new ObjectMapper().readTree(tmp.resolve("estimated").resolve(RunFiles.CONFIG).toFile());
    assertEquals("estimated", config.get("workload").get("token_count").asText());
    assertTrue(
        console.stream().anyMatch(line -> line.endsWith(" tokens/s (estimated)")),
        String.join("\n", console));
  }

  @Test
  void mergingRunsCountedDifferentlySaysMixed() throws Exception {
    Path tokenizer = TinyTokenizer.write(tmp.resolve("tok"));
    Path exact = tmp.resolve("a");
    Path exactToo = tmp.resolve("b");
    Path estimated = tmp.resolve("c");
    run(exact, tokenizer, new ArrayList<>());
    run(exactToo, tokenizer, new ArrayList<>());
    run(estimated, null, new ArrayList<>());
    RunSummary same = RunMerger.merge(List.of(exact, exactToo), tmp.resolve("same"), "test");
    assertEquals("exact", same.tokenCount());
    assertEquals(tokenizer.toString(), same.tokenizer().file());
    RunSummary mixed = RunMerger.merge(List.of(exact, estimated), tmp.resolve("mixed"), "test");
    assertEquals("mixed", mixed.tokenCount());
    assertEquals("mixed", mixed.throughput().tokenCount());
    assertNull(mixed.tokenizer());
  }
}
