package dev.embedbench.cli.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.embedbench.backends.qwen3.Qwen3Embedder;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Checkpoint;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import dev.embedbench.loadgen.ClosedLoop;
import dev.embedbench.loadgen.LoadConfig;
import dev.embedbench.loadgen.LoadRun;
import dev.embedbench.loadgen.OpenLoop;
import dev.embedbench.loadgen.driver.TargetClient;
import dev.embedbench.loadgen.schedule.ArrivalProcess;
import dev.embedbench.loadgen.sweep.Sweep;
import dev.embedbench.loadgen.sweep.SweepPlan;
import dev.embedbench.loadgen.workload.Workload;
import dev.embedbench.reports.ComparisonReport;
import dev.embedbench.reports.ReportFiles;
import dev.embedbench.reports.cost.CostAnswerFiles;
import dev.embedbench.reports.model.CostAnswer;
import dev.embedbench.reports.model.Device;
import dev.embedbench.reports.model.Provenance;
import dev.embedbench.reports.model.WeightsSource;
import dev.embedbench.reports.table.AnswerTables;
import dev.embedbench.reports.table.Row;
import dev.embedbench.reports.table.Table;
import dev.embedbench.results.Capacity;
import dev.embedbench.results.ResultJson;
import dev.embedbench.results.RunFiles;
import dev.embedbench.results.SweepResult;
import dev.embedbench.results.TargetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One comparison, start to finish, on the calling thread: checkpoints, gateway, one sweep per model
 * in turn, cost, report. {@link #stop} (any thread, e.g. a shutdown hook) ends the sweep in
 * progress, skips the rest, and still writes the cost and report from what ran, marked partial.
 */
public final class ComparisonRun {

  /** Written beside the sweeps: what was run, how it was priced, and whether it finished. */
  public static final String RUN_FILE = "compare.json";

  /** The comparison YAML exactly as used. */
  public static final String CONFIG_COPY = "compare-config.yaml";

  /** What a finished (or stopped) comparison left behind. */
  /**
   * What a finished (or stopped) comparison left behind.
   *
   * @param capacities one line per swept model: its capacity as {@link Capacity#label()} writes it
   */
  public record Result(
      Path runDir,
      ReportFiles report,
      List<String> capacities,
      String consoleTable,
      List<String> notes,
      boolean partial,
      Duration elapsed) {}

  /** Unmeasured traffic to each emulated route before the first sweep. */
  static final Duration WARM_UP = Duration.ofMillis(1500);

  private final CompareConfig config;
  private final Path home;
  private final SyntheticCheckpoints checkpoints;
  private final Consumer<String> console;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile String stopReason;
  private volatile Sweep current;
  private int repeats = 1;

  public ComparisonRun(
      CompareConfig config, Path home, SyntheticCheckpoints checkpoints, Consumer<String> console) {
    this.config = config;
    this.home = home;
    this.checkpoints = checkpoints;
    this.console = console;
  }

  /** How many searches each sweep makes ({@code --repeat}); each capacity is their median. */
  public ComparisonRun repeat(int searches) {
    if (searches < 1 || searches > 15) {
      throw new IllegalArgumentException("--repeat must be in 1..15, got " + searches);
    }
    this.repeats = searches;
    return this;
  }

  /**
   * Ends the comparison early: the sweep in progress stops and keeps its partial step. Any thread.
   */
  public void stop(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
    Sweep sweep = current;
    if (sweep != null) {
      sweep.stop(reason);
    }
  }

  /** Waits until the report is written or the run failed (for a shutdown hook). */
  public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
    return finished.await(timeout, unit);
  }

  public Result run(Path runDir) throws IOException, TimeoutException {
    try {
      return runAll(runDir);
    } finally {
      finished.countDown();
    }
  }

  /** {@code runs/<UTC time>-compare} under the embedbench home. */
  public static Path defaultRunDir(Path home, Instant when) {
    return RunFiles.defaultUnder(home, "compare", when).dir();
  }

  private Result runAll(Path runDir) throws IOException, TimeoutException {
    long startNanos = System.nanoTime();
    Instant startedAt = Instant.now();
    Files.createDirectories(runDir);
    Files.copy(config.file(), runDir.resolve(CONFIG_COPY), StandardCopyOption.REPLACE_EXISTING);
    console.accept("embedbench compare: results in " + runDir);

    Map<String, Path> modelDirs = new LinkedHashMap<>();
    Map<String, Provenance> provenance = new LinkedHashMap<>();
    for (ModelPlan model : config.models()) {
      if (model.emulated()) {
        provenance.put(
            model.name(),
            new Provenance(
                TargetKind.EMULATED,
                WeightsSource.UNKNOWN,
                Device.GPU,
                "profile " + model.emulatedProfile()));
      } else {
        modelDirs.put(model.name(), checkpointDir(model.inProcess()));
      }
    }
    Map<String, Path> sweepDirs = new LinkedHashMap<>();
    Map<String, SweepResult> sweeps = new LinkedHashMap<>();
    List<String> retried = new ArrayList<>();
    console.accept(
        "starting the gateway on 127.0.0.1 with "
            + config.models().size()
            + " routes"
            + (modelDirs.isEmpty() ? "" : " (loading the in-process model)")
            + "...");
    try (ComparisonGateway gateway =
        ComparisonGateway.start(config.models(), modelDirs, config.file())) {
      console.accept("gateway at " + gateway.baseUrl());
      for (Map.Entry<String, Path> entry : modelDirs.entrySet()) {
        ModelPlan model =
            config.models().stream()
                .filter(m -> m.name().equals(entry.getKey()))
                .findFirst()
                .orElseThrow();
        provenance.put(model.name(), inProcessProvenance(model, entry.getValue()));
      }
      warmUp(gateway.baseUrl());
      int index = 0;
      for (ModelPlan model : config.models()) {
        index++;
        if (stopReason != null) {
          break;
        }
        Path dir = runDir.resolve(model.name());
        console.accept(
            String.format(
                Locale.ROOT,
                "[%d/%d] %s (%s): sweep from %s/s, SLO p99 <= %.0f ms, errors <="
                    + " %.2f%%, budget %d s",
                index,
                config.models().size(),
                model.name(),
                provenance.get(model.name()).label(),
                number(model.sweep().startRate()),
                config.slo().p99Millis(),
                100 * config.slo().maxErrorRate(),
                model.sweep().maxTotal().toSeconds()));
        SweepResult result = sweep(model, gateway.baseUrl(), dir, index);
        if (generatorFellBehindAtOnce(result) && stopReason == null) {
          // Says nothing about the model: its first step was invalid because this machine starved
          // the load
          // generator. One retry, replacing the invalid attempt, which the report would otherwise
          // show.
          retried.add(model.name());
          console.accept(
              String.format(
                  Locale.ROOT,
                  "[%d/%d] %s: the load generator fell behind at the first step"
                      + " (machine busy); discarding that attempt and retrying once",
                  index,
                  config.models().size(),
                  model.name()));
          deleteRecursively(dir);
          result = sweep(model, gateway.baseUrl(), dir, index);
        }
        sweepDirs.put(model.name(), dir);
        sweeps.put(model.name(), result);
        console.accept(
            String.format(
                Locale.ROOT,
                "[%d/%d] %s: %s (%s)",
                index,
                config.models().size(),
                model.name(),
                capacityText(result),
                result.stoppedBecause()));
      }
    }
    boolean partial = stopReason != null || sweeps.values().stream().anyMatch(SweepResult::partial);
    if (sweeps.isEmpty()) {
      writeRunFile(runDir, startedAt, provenance, sweeps, List.of(), partial, Optional.empty());
      throw new IOException(
          "stopped before any sweep finished (" + stopReason + "); nothing to report in " + runDir);
    }
    console.accept("pricing the measured capacities and auditing the article's claims...");
    ComparisonCost.Outcome cost = ComparisonCost.price(config, sweepDirs);
    List<String> notes = new ArrayList<>(cost.notes());
    retried.forEach(
        name ->
            notes.add(
                name
                    + ": its first sweep was discarded (the load generator fell behind at"
                    + " the first step: the machine was busy) and run again"));
    List<String> capacities = new ArrayList<>();
    sweeps.forEach(
        (name, sweep) -> {
          capacities.add(name + ": " + capacityText(sweep));
          if (sweep.capacity() != null && sweep.capacity().lowerBound()) {
            notes.add(
                name
                    + ": nothing above "
                    + number(sweep.capacity().requestsPerS())
                    + "/s failed or was measured"
                    + " before the sweep stopped ("
                    + sweep.stoppedBecause()
                    + "); its capacity is a lower bound, written ≥");
          }
        });
    Map<String, Provenance> measured = new LinkedHashMap<>();
    sweeps.keySet().forEach(name -> measured.put(name, provenance.get(name)));
    writeRunFile(runDir, startedAt, provenance, sweeps, notes, partial, Optional.empty());
    ComparisonReport.Result report =
        ComparisonReport.write(runDir, title(partial), measured, Optional.of(cost.analysis()));
    // Again, now with the answer, in the very cells the console and the reports print.
    writeRunFile(runDir, startedAt, provenance, sweeps, notes, partial, report.input().answer());
    return new Result(
        runDir,
        report.files(),
        capacities,
        report.consoleTable(),
        notes,
        partial,
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  private Path checkpointDir(InProcessPlan plan) throws IOException {
    if (plan.modelPath() != null) {
      if (!Files.isRegularFile(plan.modelPath().resolve(Qwen3Checkpoint.CONFIG))) {
        throw new IllegalArgumentException(
            "model path "
                + plan.modelPath()
                + " has no config.json; give a Hugging Face Qwen3-Embedding directory");
      }
      return plan.modelPath();
    }
    return checkpoints.ensure(plan.synthetic(), console);
  }

  /**
   * The report has no notes section, so an unpriced model says so in its label, wherever it
   * appears.
   */
  private static Provenance inProcessProvenance(ModelPlan model, Path dir) {
    InProcessPlan plan = model.inProcess();
    boolean synthetic = Qwen3Config.read(dir.resolve(Qwen3Checkpoint.CONFIG)).synthetic();
    boolean gpu = Qwen3Embedder.resolveDevice(plan.device()).isGpu();
    String detail =
        synthetic && plan.modelPath() == null
            ? plan.synthetic().description()
            : "checkpoint " + dir.getFileName();
    if (model.deployment() == null) {
      detail += gpu ? "; not priced" : "; not priced: a CPU is not a GPU";
    }
    return new Provenance(
        TargetKind.IN_PROCESS,
        synthetic ? WeightsSource.SYNTHETIC : WeightsSource.REAL,
        gpu ? Device.GPU : Device.CPU,
        detail);
  }

  /** No step passed and the first was invalid because the generator could not keep its schedule. */
  private static boolean generatorFellBehindAtOnce(SweepResult result) {
    return result.bestRate() == null
        && !result.partial()
        && !result.steps().isEmpty()
        && !result.steps().get(0).summary().valid();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /**
   * A fresh JVM runs the gateway, emulators and load generator interpreted at first: a few seconds
   * of closed-loop traffic to each emulated route compiles the hot paths before anything is
   * measured. Its results go to a temporary directory, deleted after, so that no report ever reads
   * them.
   */
  private void warmUp(String baseUrl) throws IOException {
    console.accept(
        "warming up the gateway, emulators and load generator ("
            + WARM_UP.toMillis()
            + " ms per emulated model, not measured)...");
    Path dir = Files.createTempDirectory("embedbench-compare-warmup");
    try {
      for (ModelPlan model : config.models()) {
        if (!model.emulated() || stopReason != null) {
          continue;
        }
        LoadConfig warm =
            new LoadConfig(
                "warmup",
                TargetClient.normalise(baseUrl),
                model.name(),
                null,
                new ClosedLoop(2),
                2,
                WARM_UP,
                null,
                Duration.ZERO,
                ComparisonGateway.TARGET_TIMEOUT,
                config.workload(),
                true,
                LoadConfig.DEFAULT_READ_VALUES_EVERY);
        new LoadRun(
                warm,
                Workload.prepare(config.workload(), model.name(), home),
                dir.resolve(model.name()),
                home,
                line -> {})
            .execute();
      }
    } finally {
      deleteRecursively(dir);
    }
  }

  private SweepResult sweep(ModelPlan model, String baseUrl, Path dir, int index)
      throws IOException {
    SweepPlan plan = model.sweep();
    LoadConfig base =
        new LoadConfig(
            "compare-" + model.name().toLowerCase(Locale.ROOT),
            TargetClient.normalise(baseUrl),
            model.name(),
            null,
            new OpenLoop(
                plan.startRate(),
                ArrivalProcess.CONSTANT,
                1,
                OpenLoop.DEFAULT_MAX_OUTSTANDING,
                config.maxScheduleLagP99()),
            1,
            model.stepDuration() != null ? model.stepDuration() : config.stepDuration(),
            null,
            config.stepWarmup(),
            ComparisonGateway.TARGET_TIMEOUT,
            config.workload(),
            true,
            LoadConfig.DEFAULT_READ_VALUES_EVERY);
    Workload workload = Workload.prepare(config.workload(), model.name(), home);
    String prefix =
        String.format(Locale.ROOT, "[%d/%d] %s ", index, config.models().size(), model.name());
    Sweep sweep =
        new Sweep(
                base,
                workload,
                plan,
                config.slo(),
                config.connections(),
                dir,
                home,
                line -> console.accept(prefix + line))
            .command(
                "embedbench compare --config "
                    + config.file()
                    + (config.quick() ? " --quick" : "")
                    + (repeats > 1 ? " --repeat " + repeats : ""))
            .repeat(repeats);
    current = sweep;
    if (stopReason != null) {
      sweep.stop(stopReason);
    }
    try {
      return sweep.run();
    } finally {
      current = null;
    }
  }

  private String title(boolean partial) {
    return config.title()
        + (config.quick() ? " (--quick)" : "")
        + (partial
            ? " — PARTIAL: " + (stopReason != null ? stopReason : "a sweep stopped early")
            : "");
  }

  private void writeRunFile(
      Path runDir,
      Instant startedAt,
      Map<String, Provenance> provenance,
      Map<String, SweepResult> sweeps,
      List<String> notes,
      boolean partial,
      Optional<CostAnswer> answer)
      throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("schema_version", 1);
    out.put("title", title(partial));
    out.put("config", CONFIG_COPY);
    out.put("quick", config.quick());
    out.put("repeat", repeats);
    out.put("started_at", startedAt.toString());
    out.put("ended_at", Instant.now().toString());
    out.put("partial", partial);
    out.put("stop_reason", stopReason);
    out.put(
        "slo",
        Map.of("p99_ms", config.slo().p99Millis(), "max_error_rate", config.slo().maxErrorRate()));
    List<Map<String, Object>> models = new ArrayList<>();
    for (ModelPlan model : config.models()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", model.name());
      Provenance p = provenance.get(model.name());
      entry.put("provenance", p == null ? null : p.label());
      SweepResult sweep = sweeps.get(model.name());
      entry.put("sweep", sweep == null ? null : model.name() + "/sweep.json");
      entry.put("best_rate", sweep == null ? null : sweep.bestRate());
      entry.put(
          "capacity",
          sweep == null || sweep.capacity() == null
              ? null
              : ResultJson.MAPPER.valueToTree(sweep.capacity()));
      entry.put("status", sweep == null ? "not run" : sweep.partial() ? "partial" : "complete");
      entry.put("priced_as", model.deployment());
      models.add(entry);
    }
    out.put("models", models);
    answer.ifPresent(a -> out.put("answer", answerJson(a)));
    out.put("notes", notes);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(runDir.resolve(RUN_FILE).toFile(), out);
  }

  /**
   * The answer as the console's last table writes it, one object per priced model keyed by the
   * table's column metrics (bounds written as bounds: {@code ≥ 93.4%}); the raw figures are in
   * {@code cost-answer.json}.
   */
  private static Map<String, Object> answerJson(CostAnswer answer) {
    Table headline = AnswerTables.headline(answer);
    List<Map<String, String>> rows = new ArrayList<>();
    for (Row row : headline.rows()) {
      Map<String, String> cells = new LinkedHashMap<>();
      row.cells().forEach(cell -> cells.put(cell.metric(), cell.text()));
      rows.add(cells);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("baseline", answer.baselineModel());
    out.put("target_utilisation", answer.targetUtilisation());
    out.put("gpu_prices", answer.gpuPrices());
    out.put("unit_costs", rows);
    out.put("audit", answer.auditSentence());
    out.put("figures", CostAnswerFiles.FILE);
    return out;
  }

  /** A sweep's capacity as every console line writes it: {@code ≥ X} for a lower bound. */
  static String capacityText(SweepResult sweep) {
    return sweep.capacity() == null
        ? "no rate met the SLO"
        : "capacity " + sweep.capacity().label();
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
