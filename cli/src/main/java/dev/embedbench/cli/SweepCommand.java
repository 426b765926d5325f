package dev.embedbench.cli;

import dev.embedbench.loadgen.LoadConfig;
import dev.embedbench.loadgen.OpenLoop;
import dev.embedbench.loadgen.driver.TargetClient;
import dev.embedbench.loadgen.schedule.ArrivalProcess;
import dev.embedbench.loadgen.sweep.Sweep;
import dev.embedbench.loadgen.sweep.SweepPlan;
import dev.embedbench.loadgen.workload.Workload;
import dev.embedbench.loadgen.workload.WorkloadException;
import dev.embedbench.results.Slo;
import dev.embedbench.results.SweepResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code embedbench sweep}: the highest open-loop rate that meets a latency and error SLO. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Probe the saturation throughput in a closed loop, then bisect open-loop rates below it for the",
      "highest rate that meets the SLO (p99 latency, error rate): a capacity bracketed by a failing rate or the",
      "saturation, or a lower bound ('>= X') when nothing above it failed. Writes sweep.json (with its capacity),",
      "sweep.csv and one run directory per step and for the probe.",
      "Exit status: 0 a passing rate was found, 3 none was (or the sweep was interrupted), 2 bad options, 1 error."
    })
public final class SweepCommand implements Callable<Integer> {

  @Mixin LoadCommand.TargetOptions options;

  @Option(
      names = "--slo-p99-ms",
      required = true,
      description = "Highest acceptable corrected p99 latency, ms")
  double sloP99Ms;

  @Option(
      names = "--max-error-rate",
      defaultValue = "0.01",
      description = "Highest acceptable error rate, 0..1 (default: ${DEFAULT-VALUE})")
  double maxErrorRate;

  @Option(
      names = "--start",
      defaultValue = "1",
      description = "Lowest rate to try, requests/s (default: ${DEFAULT-VALUE})")
  double start;

  @Option(
      names = "--max-rate",
      defaultValue = "100000",
      description = "Highest rate to try (default: ${DEFAULT-VALUE})")
  double maxRate;

  @Option(
      names = "--max-steps",
      defaultValue = "20",
      description = "Most open-loop steps of the first search (default: ${DEFAULT-VALUE})")
  int maxSteps;

  @Option(
      names = "--bisect-steps",
      defaultValue = "3",
      description = "Most steps of each repeated search (default: ${DEFAULT-VALUE})")
  int bisectSteps;

  @Option(
      names = "--repeat",
      defaultValue = "1",
      description =
          "Searches to make; the capacity is their median, with its range (default: ${DEFAULT-VALUE})")
  int repeat;

  @Option(
      names = "--max-time",
      defaultValue = "10m",
      converter = LoadCommand.DurationConverter.class,
      description = "Wall-time budget of the probe and first search (default: ${DEFAULT-VALUE})")
  Duration maxTime;

  @Option(
      names = "--step-duration",
      defaultValue = "20s",
      converter = LoadCommand.DurationConverter.class,
      description = "Measured duration of each step (default: ${DEFAULT-VALUE})")
  Duration stepDuration;

  @Option(
      names = "--warmup",
      defaultValue = "3s",
      converter = LoadCommand.DurationConverter.class,
      description = "Warm-up of each step (default: ${DEFAULT-VALUE})")
  Duration warmup;

  @Option(names = "--arrival", defaultValue = "constant", description = "constant or poisson")
  String arrival;

  @Option(
      names = "--probe-concurrency",
      description =
          "Requests the closed-loop probe keeps in flight; more than the server serves at once "
              + "(default: --connections, else "
              + Sweep.DEFAULT_PROBE_CONCURRENCY
              + ")")
  Integer probeConcurrency;

  @Option(
      names = "--connections",
      description = "Fixed pool size (default: sized for each step's rate)")
  Integer connections;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Sweep sweep;
    Path dir;
    Slo slo;
    try {
      SweepPlan plan =
          new SweepPlan(start, maxRate, maxSteps, bisectSteps, maxTime, probeConcurrency);
      slo = new Slo(sloP99Ms, maxErrorRate);
      String name = "load".equals(options.name) ? "sweep" : options.name;
      LoadConfig base =
          new LoadConfig(
              name,
              TargetClient.normalise(options.target),
              options.model,
              options.apiKey,
              new OpenLoop(
                  start,
                  ArrivalProcess.parse(arrival),
                  options.seed,
                  options.maxOutstanding,
                  options.maxLagP99),
              connections == null ? 1 : connections,
              stepDuration,
              null,
              warmup,
              options.timeout,
              options.workloadSpec(),
              !options.noCheckNorm,
              LoadConfig.DEFAULT_READ_VALUES_EVERY);
      Workload workload = options.prepareWorkload();
      dir = options.outDir(name);
      sweep =
          new Sweep(
                  base,
                  workload,
                  plan,
                  slo,
                  connections,
                  dir,
                  LoadCommand.home(),
                  System.out::println)
              .command(LoadCommand.commandLine(spec))
              .repeat(repeat);
      System.out.println(
          "embedbench sweep: tokens "
              + workload.tokenCounting().describe()
              + "; results in "
              + dir);
    } catch (IllegalArgumentException | WorkloadException e) {
      spec.commandLine().getErr().println("embedbench sweep: " + e.getMessage());
      return LoadCommand.EXIT_USAGE;
    }
    Thread hook =
        new Thread(
            () -> {
              sweep.stop("interrupted (signal)");
              try {
                if (sweep.awaitFinished(20, java.util.concurrent.TimeUnit.SECONDS)) {
                  System.err.println("embedbench sweep: stopped; partial results in " + dir);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "embedbench-sweep-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    SweepResult result = sweep.run();
    LoadCommand.removeHook(hook);
    System.out.println(
        result.capacity() == null
            ? "no rate met the SLO (" + slo.label() + "): " + result.stoppedBecause()
            : "capacity under the SLO ("
                + slo.label()
                + "): "
                + result.capacity().label()
                + "; "
                + result.stoppedBecause());
    System.out.println("files: " + dir.resolve("sweep.json"));
    return result.bestRate() != null && !result.partial() ? 0 : LoadCommand.EXIT_INVALID;
  }
}
