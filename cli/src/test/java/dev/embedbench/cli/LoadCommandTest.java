package dev.embedbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embedbench.testsupport.env.RepositoryHome;
import dev.embedbench.testsupport.models.TinyTokenizer;
import dev.embedbench.testsupport.net.Loopback;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The load, sweep and merge commands end to end, against a trivial local embeddings server. */
// As the launcher does: built-in workloads resolve under the checkout.
@ExtendWith(RepositoryHome.class)
class LoadCommandTest {

  private static final String ONE_EMBEDDING =
      "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.6,0.8]}],\"model\":\"m\"}";

  private static Vertx vertx;
  private static HttpServer server;

  @TempDir Path tmp;

  @BeforeAll
  static void startServer() throws Exception {
    vertx = Vertx.vertx();
    server =
        Loopback.listen(
            vertx,
            request -> {
              if (request.path().endsWith("/models")) {
                request.response().end("{\"data\":[{\"id\":\"m\",\"kind\":\"emulated\"}]}");
              } else {
                request
                    .body()
                    .onComplete(
                        body ->
                            request
                                .response()
                                .putHeader("content-type", "application/json")
                                .end(ONE_EMBEDDING));
              }
            });
  }

  @AfterAll
  static void stopServer() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static String target() {
    return Loopback.url(server, "/v1");
  }

  private static int run(StringWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void loadWritesARunDirectoryAndMergeCombinesTwo() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    for (Path dir : new Path[] {a, b}) {
      StringWriter err = new StringWriter();
      int exit =
          run(
              err,
              "load",
              "--target",
              target(),
              "--model",
              "m",
              "--concurrency",
              "2",
              "--event-loops",
              "2",
              "--duration",
              "700ms",
              "--warmup",
              "100ms",
              "--api-key",
              "sk-secret",
              "--out",
              dir.toString());
      assertEquals(0, exit, "a closed loop against a healthy server is valid and complete: " + err);
    }
    JsonNode summary = new ObjectMapper().readTree(a.resolve("summary.json").toFile());
    assertEquals("emulated", summary.get("target").get("kind").asText());
    assertTrue(summary.get("requests").get("ok").asLong() > 0);
    assertTrue(
        summary.get("command").asText().contains("--api-key ***"), summary.get("command").asText());
    assertTrue(!Files.readString(a.resolve("config.json")).contains("sk-secret"));
    assertEquals(
        0,
        run(
            new StringWriter(),
            "merge",
            a.toString(),
            b.toString(),
            "--out",
            tmp.resolve("m").toString()));
    JsonNode merged =
        new ObjectMapper().readTree(tmp.resolve("m").resolve("summary.json").toFile());
    assertEquals(
        summary.get("requests").get("ok").asLong()
            + new ObjectMapper()
                .readTree(b.resolve("summary.json").toFile())
                .get("requests")
                .get("ok")
                .asLong(),
        merged.get("requests").get("ok").asLong());
  }

  @Test
  void badOptionsAndWorkloadsExitWithTwoAndSayWhy() throws Exception {
    StringWriter err = new StringWriter();
    assertEquals(2, run(err, "load", "--target", target(), "--model", "m"));
    assertTrue(
        err.toString().contains("give --rate R (open loop) or --concurrency C (closed loop)"),
        err.toString());
    Path workload =
        Files.writeString(tmp.resolve("w.jsonl"), "{\"text\":\"ok\"}\n{\"text\":\"\"}\n");
    err = new StringWriter();
    assertEquals(
        2,
        run(
            err,
            "load",
            "--target",
            target(),
            "--model",
            "m",
            "--rate",
            "5",
            "--workload",
            workload.toString()));
    assertTrue(
        err.toString().contains(workload + ":2: \"text\" must be a non-empty string"),
        err.toString());
    err = new StringWriter();
    assertEquals(
        2,
        run(
            err,
            "sweep",
            "--target",
            target(),
            "--model",
            "m",
            "--slo-p99-ms",
            "100",
            "--start",
            "50",
            "--max-rate",
            "10"));
    assertTrue(err.toString().contains("sweep max rate must be >= the start rate"), err.toString());
    err = new StringWriter();
    assertEquals(
        2,
        run(
            err,
            "load",
            "--target",
            target(),
            "--model",
            "m",
            "--rate",
            "5",
            "--event-loops",
            "0"));
    assertTrue(err.toString().contains("--event-loops must be >= 1, got 0"), err.toString());
  }

  @Test
  void aTokenizerDirectoryMakesTokenCountsExactInTheResults() throws Exception {
    // Each word one token; the tokenizer appends end-of-text itself.
    Path model = tmp.resolve("model");
    Path tokenizer = TinyTokenizer.write(model);
    Path workload =
        Files.writeString(
            tmp.resolve("w.txt"), "alpha alpha alpha alpha alpha alpha alpha alpha\n");
    Path out = tmp.resolve("exact");
    StringWriter err = new StringWriter();
    int exit =
        run(
            err,
            "load",
            "--target",
            target(),
            "--model",
            "m",
            "--concurrency",
            "1",
            "--duration",
            "300ms",
            "--warmup",
            "0ms",
            "--workload",
            workload.toString(),
            "--tokens",
            "3-5",
            "--tokenizer",
            model.toString(),
            "--out",
            out.toString());
    assertEquals(0, exit, err.toString());
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals("exact", summary.get("token_count").asText());
    assertEquals(
        tokenizer.toAbsolutePath().toString(), summary.get("tokenizer").get("file").asText());
    assertEquals("exact", summary.get("throughput").get("token_count").asText());
    assertEquals(
        5.0,
        summary.get("workload").get("mean_tokens_per_request").asDouble(),
        "four words cut from eight, and end-of-text");
    JsonNode config = new ObjectMapper().readTree(out.resolve("config.json").toFile());
    assertEquals(
        model.toAbsolutePath().toString(), config.get("workload").get("tokenizer").asText());
  }

  @Test
  void aMissingOrInvalidTokenizerIsAOneLineUsageError() throws Exception {
    Path missing = tmp.resolve("no-such-tokenizer.json");
    Path invalid =
        Files.writeString(tmp.resolve("invalid.json"), "{\"model\": {\"type\": \"Nonsense\"}}");
    String[][] cases = {
      {"load", "--concurrency", "1", "--tokenizer", missing.toString()},
      {"sweep", "--slo-p99-ms", "100", "--tokenizer", missing.toString()},
      {"load", "--rate", "5", "--tokenizer", invalid.toString()}
    };
    String[] reasons = {
      missing + ": no such file or directory",
      missing + ": no such file or directory",
      invalid + ": not a valid Hugging Face tokenizer.json ("
    };
    for (int i = 0; i < cases.length; i++) {
      StringWriter err = new StringWriter();
      String[] args = new String[cases[i].length + 4];
      args[0] = cases[i][0];
      System.arraycopy(new String[] {"--target", target(), "--model", "m"}, 0, args, 1, 4);
      System.arraycopy(cases[i], 1, args, 5, cases[i].length - 1);
      assertEquals(2, run(err, args), String.join(" ", args) + ": " + err);
      String message = err.toString().strip();
      assertTrue(
          message.startsWith("embedbench " + cases[i][0] + ": tokenizer " + reasons[i]), message);
      assertEquals(-1, message.indexOf('\n'), "one line, no stack trace: " + message);
    }
  }
}
