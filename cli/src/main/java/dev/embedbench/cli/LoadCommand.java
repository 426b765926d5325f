package dev.embedbench.cli;

import dev.embedbench.config.DurationText;
import dev.embedbench.loadgen.ClosedLoop;
import dev.embedbench.loadgen.ConsoleSummary;
import dev.embedbench.loadgen.LoadConfig;
import dev.embedbench.loadgen.LoadMode;
import dev.embedbench.loadgen.LoadRun;
import dev.embedbench.loadgen.OpenLoop;
import dev.embedbench.loadgen.driver.HttpClientKind;
import dev.embedbench.loadgen.schedule.ArrivalProcess;
import dev.embedbench.loadgen.workload.EncodingFormat;
import dev.embedbench.loadgen.workload.TokenRange;
import dev.embedbench.loadgen.workload.Workload;
import dev.embedbench.loadgen.workload.WorkloadException;
import dev.embedbench.loadgen.workload.WorkloadSpec;
import dev.embedbench.results.RunFiles;
import dev.embedbench.results.RunSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code embedbench load}: one bounded open- or closed-loop run against an OpenAI-compatible
 * endpoint.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Load an OpenAI-compatible embeddings endpoint open-loop (--rate) or closed-loop (--concurrency)",
      "and write a run directory: summary.json, HdrHistogram logs, percentiles, time series.",
      "Exit status: 0 valid and complete, 3 invalid or partial, 4 no request succeeded, 2 bad options or",
      "workload, 1 error."
    })
public final class LoadCommand implements Callable<Integer> {

  static final int EXIT_INVALID = 3;
  static final int EXIT_USAGE = 2;
  static final int EXIT_NOTHING_SUCCEEDED = 4;

  /** The target and the request shape, shared with {@code sweep}. */
  public static final class TargetOptions {
    @Option(
        names = "--target",
        required = true,
        description = "API base URL as in the OpenAI SDKs' base_url, e.g. http://127.0.0.1:8080/v1")
    String target;

    @Option(names = "--model", required = true, description = "Model name sent in each request")
    String model;

    @Option(names = "--api-key", description = "Bearer token (never written to results)")
    String apiKey;

    @Option(
        names = "--timeout",
        defaultValue = "30s",
        converter = DurationConverter.class,
        description =
            "Fail a request as 'timeout' when no bytes arrive for this long (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(
        names = "--workload",
        defaultValue = "english-short",
        description =
            "A built-in corpus ({english,chinese,multilingual}-{short,medium,long}) or a file: text "
                + "lines, or JSONL with {\"text\"} or {\"input\": [...]} (default: ${DEFAULT-VALUE})")
    String workload;

    @Option(
        names = "--inputs-per-request",
        defaultValue = "1",
        description = "Texts per request (default: 1)")
    int inputsPerRequest;

    @Option(
        names = "--tokens",
        description =
            "Shape every input to MIN-MAX tokens, or exactly N (estimated, or exact with --tokenizer)")
    String tokens;

    @Option(
        names = "--tokenizer",
        paramLabel = "FILE",
        description =
            "Count tokens exactly (for --tokens and tokens/s) with this tokenizer.json, or the one in "
                + "this model directory; the server's end-of-text token is counted once per input")
    Path tokenizer;

    @Option(names = "--encoding-format", description = "Send encoding_format: float or base64")
    String encodingFormat;

    @Option(
        names = "--dimensions",
        description = "Send dimensions (and expect vectors of that size)")
    Integer dimensions;

    @Option(
        names = "--no-check-norm",
        negatable = false,
        description = "Do not require sampled vectors to be unit-norm")
    boolean noCheckNorm;

    @Option(
        names = "--seed",
        defaultValue = "1",
        description = "Seed of Poisson arrivals (default: 1)")
    long seed;

    @Option(
        names = "--max-lag-p99",
        defaultValue = "10ms",
        converter = DurationConverter.class,
        description =
            "Mark an open-loop run INVALID when its schedule lag p99 exceeds this (default: 10ms)")
    Duration maxLagP99;

    @Option(
        names = "--max-outstanding",
        defaultValue = "10000",
        description =
            "Open loop: count a due request as not sent when this many are unfinished (default: 10000)")
    long maxOutstanding;

    @Option(
        names = "--name",
        defaultValue = "load",
        description = "Run name, used in the run directory's name")
    String name;

    @Option(
        names = "--out",
        description = "Result directory (default: runs/<UTC time>-<name> under the checkout)")
    Path out;

    WorkloadSpec workloadSpec() {
      return new WorkloadSpec(
          workload,
          inputsPerRequest,
          tokens == null ? null : TokenRange.parse(tokens),
          encodingFormat == null ? null : EncodingFormat.parse(encodingFormat),
          dimensions,
          tokenizer);
    }

    Workload prepareWorkload() {
      return Workload.prepare(workloadSpec(), model, home());
    }

    Path outDir(String runName) {
      return out != null ? out : RunFiles.defaultUnder(home(), runName, Instant.now()).dir();
    }
  }

  @Mixin TargetOptions options;

  @Option(names = "--rate", description = "Open loop: requests per second")
  Double rate;

  @Option(
      names = "--arrival",
      defaultValue = "constant",
      description = "Open loop: constant or poisson")
  String arrival;

  @Option(names = "--concurrency", description = "Closed loop: requests in flight")
  Integer concurrency;

  @Option(
      names = "--connections",
      description =
          "Most connections to open (default: the concurrency, or enough for the rate at 250 ms)")
  Integer connections;

  @Option(
      names = "--duration",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description =
          "Measured duration after the warm-up: 500ms, 30s, 5m (default: ${DEFAULT-VALUE})")
  Duration duration;

  @Option(
      names = "--warmup",
      defaultValue = "2s",
      converter = DurationConverter.class,
      description = "Warm-up before measuring, excluded from results (default: ${DEFAULT-VALUE})")
  Duration warmup;

  @Option(names = "--max-requests", description = "Stop after this many measured requests")
  Long maxRequests;

  @Option(
      names = "--event-loops",
      description =
          "Event loops that drive the load, each with its share of the connections (default: one per two cores)")
  Integer eventLoops;

  @Option(
      names = "--http-client",
      description =
          "netty (embedbench's lean HTTP/1.1 client, http:// only) or vertx (Vert.x HttpClient, also "
              + "https://); default: netty for http://, vertx for https://")
  String httpClient;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    LoadConfig config;
    Workload workload;
    HttpClientKind client;
    try {
      if (eventLoops != null && eventLoops < 1) {
        throw new IllegalArgumentException("--event-loops must be >= 1, got " + eventLoops);
      }
      if ((rate == null) == (concurrency == null)) {
        throw new IllegalArgumentException(
            "give --rate R (open loop) or --concurrency C (closed loop)");
      }
      LoadMode mode =
          rate != null
              ? new OpenLoop(
                  rate,
                  ArrivalProcess.parse(arrival),
                  options.seed,
                  options.maxOutstanding,
                  options.maxLagP99)
              : new ClosedLoop(concurrency);
      config =
          new LoadConfig(
              options.name,
              dev.embedbench.loadgen.driver.TargetClient.normalise(options.target),
              options.model,
              options.apiKey,
              mode,
              connections != null ? connections : mode.defaultConnections(),
              duration,
              maxRequests,
              warmup,
              options.timeout,
              options.workloadSpec(),
              !options.noCheckNorm,
              LoadConfig.DEFAULT_READ_VALUES_EVERY);
      client =
          httpClient == null
              ? HttpClientKind.defaultFor(config.targetUrl())
              : HttpClientKind.parse(httpClient);
      client.requireSupports(config.targetUrl());
      workload = options.prepareWorkload();
    } catch (IllegalArgumentException | WorkloadException e) {
      spec.commandLine().getErr().println("embedbench load: " + e.getMessage());
      return EXIT_USAGE;
    }
    Path dir = options.outDir(config.name());
    LoadRun run =
        new LoadRun(config, workload, dir, home(), System.out::println)
            .command(commandLine(spec))
            .httpClient(client);
    if (eventLoops != null) {
      run.eventLoops(eventLoops);
    }
    Thread hook =
        new Thread(
            () -> {
              run.stop("interrupted (signal)");
              try {
                if (run.awaitFinished(15, TimeUnit.SECONDS)) {
                  System.err.println("embedbench load: stopped; partial results in " + dir);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "embedbench-load-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    System.out.println(
        "embedbench load: "
            + workload.distinctBodies()
            + " request bodies from "
            + workload.sourceLabel()
            + ", tokens "
            + workload.tokenCounting().describe()
            + "; results in "
            + dir);
    RunSummary summary = run.execute();
    removeHook(hook);
    ConsoleSummary.lines(summary, dir).forEach(System.out::println);
    if (summary.requests().ok() == 0) {
      return EXIT_NOTHING_SUCCEEDED;
    }
    return summary.valid() && !summary.partial() ? 0 : EXIT_INVALID;
  }

  /**
   * The hook is only for a signal during the run; during shutdown it cannot be removed, nor need
   * be.
   */
  static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run: it waits for the results, which are written.
    }
  }

  static Path home() {
    return Path.of(System.getProperty("embedbench.home", ".")).toAbsolutePath().normalize();
  }

  static String commandLine(CommandLine.Model.CommandSpec spec) {
    // The parse result is the top-level command's: its arguments start with the subcommand's name.
    StringBuilder out = new StringBuilder("embedbench");
    String[] args = spec.commandLine().getParseResult().originalArgs().toArray(new String[0]);
    for (int i = 0; i < args.length; i++) {
      boolean secret = i > 0 && (args[i - 1].equals("--api-key"));
      String arg = args[i].startsWith("--api-key=") ? "--api-key=***" : secret ? "***" : args[i];
      out.append(' ').append(arg);
    }
    return out.toString();
  }

  /** Durations with units, as everywhere in embedbench: 500ms, 30s, 5m. */
  public static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return DurationText.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
