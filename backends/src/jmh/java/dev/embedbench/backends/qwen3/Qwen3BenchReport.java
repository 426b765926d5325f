package dev.embedbench.backends.qwen3;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link MatmulCeilingBenchmark} and {@link Qwen3ForwardBenchmark} in one JMH run and derives
 * inputs/s, tokens/s, achieved GFLOP/s, its fraction of the matmul ceiling, and throughput relative
 * to batch 1. Prints a Markdown table and writes JSON. Arguments: [result.json] [layers] [batch
 * sizes, comma-separated]. Figures are measured in-process on this machine's CPU, synthetic
 * weights.
 */
public final class Qwen3BenchReport {

  private Qwen3BenchReport() {}

  /** libtorch's fp32 1024x1024 matmul rate now, in GFLOP/s. */
  private static double ceiling() throws Exception {
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(MatmulCeilingBenchmark.class.getSimpleName())
                    .shouldFailOnError(true)
                    .build())
            .run();
    RunResult result = results.iterator().next();
    int n = Integer.parseInt(result.getParams().getParam("n"));
    return MatmulCeilingBenchmark.flops(n) / (result.getPrimaryResult().getScore() / 1000) / 1e9;
  }

  public static void main(String[] args) throws Exception {
    Path output = Path.of(args.length > 0 ? args[0] : "backends/target/qwen3-bench.json");
    String layers = args.length > 1 ? args[1] : "28";
    String[] batchSizes = (args.length > 2 ? args[2] : "1,8,32").split(",");
    // The ceiling is measured before and after the model so that load from other processes, which
    // drifts on a shared machine, shows up as a spread instead of skewing the fraction unseen.
    double ceilingBefore = ceiling();
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(Qwen3ForwardBenchmark.class.getSimpleName())
            .param("layers", layers)
            .param("batchSize", batchSizes)
            .shouldFailOnError(true);
    List<RunResult> forward = new ArrayList<>(new Runner(options.build()).run());
    double ceilingAfter = ceiling();
    double ceilingGflops = (ceilingBefore + ceilingAfter) / 2;
    forward.sort(
        (x, y) ->
            Integer.compare(
                Integer.parseInt(x.getParams().getParam("batchSize")),
                Integer.parseInt(y.getParams().getParam("batchSize"))));

    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put(
        "measured", "in-process, CPU fp32, synthetic weights of the Qwen3-Embedding-0.6B shape");
    root.put("time", Instant.now().toString());
    root.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    root.put("matmulCeilingGflopsPerSecond", ceilingGflops);
    root.put("matmulCeilingBeforeGflopsPerSecond", ceilingBefore);
    root.put("matmulCeilingAfterGflopsPerSecond", ceilingAfter);
    ArrayNode rows = root.putArray("forward");
    StringBuilder table =
        new StringBuilder(
            String.format(
                "matmul ceiling (1024x1024 fp32): %.1f GFLOP/s (before %.1f, after %.1f)%n%n"
                    + "| batch | tokens | layers | ms/batch | inputs/s | tokens/s | GFLOP/s | of ceiling | vs batch 1 |%n"
                    + "|---|---|---|---|---|---|---|---|---|%n",
                ceilingGflops, ceilingBefore, ceilingAfter));
    double baselineInputsPerSecond = 0;
    for (RunResult result : forward) {
      int batch = Integer.parseInt(result.getParams().getParam("batchSize"));
      int tokens = Integer.parseInt(result.getParams().getParam("tokens"));
      int layerCount = Integer.parseInt(result.getParams().getParam("layers"));
      double millis = result.getPrimaryResult().getScore();
      double seconds = millis / 1000;
      Qwen3Config config = Qwen3ForwardBenchmark.benchConfig(layerCount);
      double gflops = Qwen3ForwardBenchmark.flops(config, batch, tokens) / seconds / 1e9;
      double inputsPerSecond = batch / seconds;
      if (batch == 1) {
        baselineInputsPerSecond = inputsPerSecond;
      }
      double relative =
          baselineInputsPerSecond > 0 ? inputsPerSecond / baselineInputsPerSecond : Double.NaN;
      ObjectNode row = rows.addObject();
      row.put("batchSize", batch)
          .put("tokensPerInput", tokens)
          .put("layers", layerCount)
          .put("millisPerBatch", millis)
          .put("millisPerBatchError", result.getPrimaryResult().getScoreError())
          .put("inputsPerSecond", inputsPerSecond)
          .put("tokensPerSecond", inputsPerSecond * tokens)
          .put("gflopsPerSecond", gflops)
          .put("fractionOfMatmulCeiling", gflops / ceilingGflops)
          .put("throughputRelativeToBatch1", relative);
      table.append(
          String.format(
              "| %d | %d | %d | %.0f | %.2f | %.0f | %.1f | %.0f%% | %.2fx |%n",
              batch,
              tokens,
              layerCount,
              millis,
              inputsPerSecond,
              inputsPerSecond * tokens,
              gflops,
              100 * gflops / ceilingGflops,
              relative));
    }
    Files.createDirectories(output.toAbsolutePath().getParent());
    Files.writeString(output, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    System.out.println(table);
    System.out.println("written " + output);
  }
}
