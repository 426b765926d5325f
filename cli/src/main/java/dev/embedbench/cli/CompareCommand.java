package dev.embedbench.cli;

import dev.embedbench.backends.qwen3.checkpoint.CheckpointException;
import dev.embedbench.cli.compare.CompareConfig;
import dev.embedbench.cli.compare.CompareConfigLoader;
import dev.embedbench.cli.compare.ComparisonRun;
import dev.embedbench.cli.compare.SyntheticCheckpoints;
import dev.embedbench.costmodel.config.ConfigException;
import dev.embedbench.loadgen.workload.WorkloadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code embedbench compare}: the article's comparison end to end. Runs on the main thread; Ctrl-C
 * stops the sweep in progress and still writes a report, marked partial.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Start emulated upstreams (the article's A10G profiles), the gateway and the in-process Qwen3",
      "model; sweep each through the gateway with one workload and SLO; price the capacities with the cost",
      "model, audit the article's claims, and write runs/<UTC>-compare/ with report.html, report.md and CSV.",
      "Exit status: 0 complete, 3 partial (interrupted or a sweep stopped early), 2 bad config, 1 error."
    })
public final class CompareCommand implements Callable<Integer> {

  static final String DEFAULT_CONFIG = "configs/compare/article.yaml";
  static final int EXIT_ERROR = 1;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Comparison YAML (default: " + DEFAULT_CONFIG + " under the embedbench home)")
  Path config;

  @Option(
      names = "--quick",
      description =
          "Short steps, a small synthetic model and a time cap per model"
              + " (about a minute); for smoke tests, not for figures")
  boolean quick;

  @Option(
      names = "--model-path",
      paramLabel = "DIR",
      description =
          "A real Qwen3-Embedding checkpoint directory for the in-process model, instead of a"
              + " synthetic random-weight one")
  Path modelPath;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Run directory (default: runs/<UTC time>-compare)")
  Path out;

  @Option(
      names = "--repeat",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Searches per model after the first sweep's probe; each capacity is their median, with its"
              + " range (default: ${DEFAULT-VALUE})")
  int repeat;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Path home = LoadCommand.home();
    CompareConfig comparison;
    try {
      comparison =
          CompareConfigLoader.load(config != null ? config : home.resolve(DEFAULT_CONFIG), quick);
      if (modelPath != null) {
        comparison = comparison.withModelPath(modelPath.toAbsolutePath().normalize());
      }
    } catch (ConfigException e) {
      err.println("embedbench compare: " + e.getMessage());
      return LoadCommand.EXIT_USAGE;
    }
    Path runDir = out != null ? out : ComparisonRun.defaultRunDir(home, Instant.now());
    ComparisonRun run =
        new ComparisonRun(
            comparison,
            home,
            new SyntheticCheckpoints(
                SyntheticCheckpoints.defaultCacheRoot(), SyntheticCheckpoints.findTokenizer(home)),
            line -> {
              stdout.println(line);
              stdout.flush();
            });
    try {
      run.repeat(repeat);
    } catch (IllegalArgumentException e) {
      err.println("embedbench compare: " + e.getMessage());
      return LoadCommand.EXIT_USAGE;
    }
    // On Ctrl-C the JVM exits once this hook returns: it waits until the report is written and
    // printed.
    CountDownLatch printed = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              run.stop("interrupted (signal)");
              try {
                if (printed.await(90, TimeUnit.SECONDS)) {
                  err.println("embedbench compare: stopped; partial results in " + runDir);
                  err.flush();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "embedbench-compare-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      ComparisonRun.Result result = run.run(runDir);
      print(result, stdout);
      return result.partial() ? LoadCommand.EXIT_INVALID : 0;
    } catch (ConfigException
        | dev.embedbench.config.ConfigException
        | CheckpointException
        | WorkloadException
        | IllegalArgumentException e) {
      err.println("embedbench compare: " + e.getMessage());
      return LoadCommand.EXIT_USAGE;
    } catch (IOException | TimeoutException e) {
      err.println("embedbench compare: " + e.getMessage());
      return EXIT_ERROR;
    } finally {
      err.flush();
      printed.countDown();
      LoadCommand.removeHook(hook);
    }
  }

  private static void print(ComparisonRun.Result result, PrintWriter stdout) {
    stdout.println();
    stdout.println("Capacities (highest rate that met the SLO; ≥ marks a lower bound):");
    result.capacities().forEach(line -> stdout.println("  " + line));
    stdout.println();
    stdout.print(result.consoleTable());
    if (!result.notes().isEmpty()) {
      stdout.println();
      stdout.println("Notes:");
      result.notes().forEach(note -> stdout.println("  - " + note));
    }
    stdout.println();
    stdout.println(
        "Labels: 'emulated' rows are latency profiles standing in for the article's A10G servers, not"
            + " measurements of a GPU; 'in-process' rows ran in this process on this machine, on the device shown"
            + " ('synthetic weights': random weights of the model's shapes: real speed, meaningless vectors).");
    stdout.printf(
        Locale.ROOT,
        "%s in %.0f s. Report: %s%n",
        result.partial() ? "PARTIAL comparison" : "Comparison",
        result.elapsed().toMillis() / 1000.0,
        result.report().html());
    stdout.println(
        "Also: "
            + result.report().markdown()
            + " and the CSV files beside it; run files in "
            + result.runDir());
    stdout.flush();
  }
}
