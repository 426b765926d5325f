package dev.embedbench.cli.compare;

import dev.embedbench.backends.emulated.EmulatorProfile;
import dev.embedbench.backends.emulated.ProfileException;
import dev.embedbench.backends.qwen3.DevicePreference;
import dev.embedbench.backends.qwen3.batching.BatchSettings;
import dev.embedbench.config.ConfigNode;
import dev.embedbench.config.DurationText;
import dev.embedbench.costmodel.config.ConfigException;
import dev.embedbench.costmodel.config.ConfigFiles;
import dev.embedbench.loadgen.sweep.SweepPlan;
import dev.embedbench.loadgen.workload.EncodingFormat;
import dev.embedbench.loadgen.workload.TokenRange;
import dev.embedbench.loadgen.workload.WorkloadSpec;
import dev.embedbench.results.Slo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a comparison YAML file (see {@code configs/compare/article.yaml} and docs/compare.md),
 * checking every value at load; errors name the file, the key and the rule.
 */
public final class CompareConfigLoader {

  private static final Set<String> TOP =
      Set.of(
          "title", "scenario", "demand", "baseline", "workload", "slo", "steps", "models", "quick");
  private static final Set<String> WORKLOAD =
      Set.of("source", "inputs_per_request", "tokens", "encoding_format");
  private static final Set<String> SLO = Set.of("p99", "max_error_rate");
  private static final Set<String> STEPS =
      Set.of("duration", "warmup", "max_schedule_lag_p99", "connections");
  private static final Set<String> MODEL =
      Set.of("name", "emulated", "in_process", "deployment", "gpu", "sweep");
  private static final Set<String> IN_PROCESS =
      Set.of("model_path", "synthetic", "device", "batching");
  private static final Set<String> BATCHING =
      Set.of("max_size", "max_tokens", "max_delay", "max_queued_inputs");
  private static final Set<String> SWEEP =
      Set.of(
          "start",
          "max_rate",
          "max_steps",
          "bisect_steps",
          "max_time",
          "step_duration",
          "probe_concurrency");
  private static final Set<String> QUICK = Set.of("steps", "max_time_per_model", "synthetic");

  /** Enough for 500 requests/s at 250 ms, or 2 requests/s at a minute. */
  static final int DEFAULT_CONNECTIONS = 128;

  private CompareConfigLoader() {}

  /**
   * @param quick apply the file's {@code quick:} settings: shorter steps, a time cap per model, the
   *     small synthetic checkpoint
   * @throws ConfigException naming the file, the key and the reason
   */
  public static CompareConfig load(Path file, boolean quick) {
    ConfigNode root = ConfigFiles.read(file);
    root.rejectUnknownKeys(TOP);
    Path dir = file.toAbsolutePath().getParent();
    ConfigNode quickNode = quick && root.has("quick") ? root.object("quick") : null;
    if (quickNode != null) {
      quickNode.rejectUnknownKeys(QUICK);
    }
    ConfigNode steps =
        quickNode != null && quickNode.has("steps")
            ? quickNode.object("steps")
            : root.object("steps");
    steps.rejectUnknownKeys(STEPS);
    Duration cap =
        quickNode != null && quickNode.has("max_time_per_model")
            ? duration(quickNode, "max_time_per_model")
            : null;
    SyntheticPreset quickPreset =
        quickNode != null && quickNode.has("synthetic") ? preset(quickNode, "synthetic") : null;

    List<ModelPlan> models = new ArrayList<>();
    for (ConfigNode node : root.list("models")) {
      models.add(model(node, dir, cap, quickPreset, quickNode != null));
    }
    if (models.isEmpty()) {
      throw root.error("models", "must list at least one model");
    }
    Double requestsPerDay = null;
    if (root.has("demand")) {
      ConfigNode demand = root.object("demand");
      demand.rejectUnknownKeys(Set.of("requests_per_day"));
      requestsPerDay = demand.positive("requests_per_day");
    }
    try {
      return new CompareConfig(
          file.toAbsolutePath().normalize(),
          root.text("title"),
          dir.resolve(root.text("scenario")).normalize(),
          requestsPerDay,
          root.optionalText("baseline").orElse(null),
          workload(root.object("workload")),
          slo(root.object("slo")),
          duration(steps, "duration"),
          steps.has("warmup") ? nonNegativeDuration(steps, "warmup") : Duration.ZERO,
          steps.has("max_schedule_lag_p99")
              ? duration(steps, "max_schedule_lag_p99")
              : Duration.ofMillis(10),
          steps.has("connections") ? steps.intValue("connections", 1) : DEFAULT_CONNECTIONS,
          models,
          quick);
    } catch (IllegalArgumentException e) {
      throw root.error("models", e.getMessage());
    }
  }

  private static ModelPlan model(
      ConfigNode node, Path dir, Duration cap, SyntheticPreset quickPreset, boolean quick) {
    node.rejectUnknownKeys(MODEL);
    String name = node.text("name");
    String profile = node.optionalText("emulated").orElse(null);
    if (profile != null) {
      try {
        EmulatorProfile.builtin(profile);
      } catch (ProfileException e) {
        throw node.error("emulated", e.getMessage());
      }
    }
    InProcessPlan inProcess =
        node.has("in_process") ? inProcess(node.object("in_process"), dir, quickPreset) : null;
    try {
      ConfigNode sweep = node.object("sweep");
      // --quick's steps apply to every model alike.
      Duration stepDuration =
          !quick && sweep.has("step_duration") ? duration(sweep, "step_duration") : null;
      return new ModelPlan(
          name,
          profile,
          inProcess,
          node.optionalText("deployment").orElse(null),
          node.optionalText("gpu").orElse(null),
          sweep(sweep, cap),
          stepDuration);
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  private static InProcessPlan inProcess(ConfigNode node, Path dir, SyntheticPreset quickPreset) {
    node.rejectUnknownKeys(IN_PROCESS);
    Path modelPath =
        node.optionalText("model_path").map(p -> dir.resolve(p).normalize()).orElse(null);
    SyntheticPreset preset =
        quickPreset != null
            ? quickPreset
            : node.has("synthetic") ? preset(node, "synthetic") : SyntheticPreset.QWEN3_0_6B;
    String device = node.optionalText("device").orElse("auto");
    DevicePreference preference;
    try {
      preference = DevicePreference.valueOf(device.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw node.error("device", "must be auto, cpu or gpu, was '" + device + "'");
    }
    BatchSettings batching = BatchSettings.DEFAULTS;
    if (node.has("batching")) {
      ConfigNode b = node.object("batching");
      b.rejectUnknownKeys(BATCHING);
      BatchSettings d = BatchSettings.DEFAULTS;
      batching =
          new BatchSettings(
              b.has("max_size") ? b.intValue("max_size", 1) : d.maxBatchSize(),
              b.has("max_tokens") ? b.intValue("max_tokens", 1) : d.maxBatchTokens(),
              b.has("max_delay") ? nonNegativeMicros(b, "max_delay") : d.maxBatchDelayMicros(),
              b.has("max_queued_inputs")
                  ? b.intValue("max_queued_inputs", 1)
                  : d.maxQueuedInputs());
    }
    return new InProcessPlan(modelPath, preset, preference, batching);
  }

  private static SweepPlan sweep(ConfigNode node, Duration cap) {
    node.rejectUnknownKeys(SWEEP);
    double start = node.positive("start");
    Duration maxTime = duration(node, "max_time");
    if (cap != null && cap.compareTo(maxTime) < 0) {
      maxTime = cap;
    }
    try {
      return new SweepPlan(
          start,
          node.has("max_rate") ? node.positive("max_rate") : 100_000,
          node.has("max_steps") ? node.intValue("max_steps", 1) : 20,
          node.has("bisect_steps") ? node.intValue("bisect_steps", 1) : 3,
          maxTime,
          node.has("probe_concurrency") ? node.intValue("probe_concurrency", 1) : null);
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  private static WorkloadSpec workload(ConfigNode node) {
    node.rejectUnknownKeys(WORKLOAD);
    try {
      return new WorkloadSpec(
          node.text("source"),
          node.has("inputs_per_request") ? node.intValue("inputs_per_request", 1) : 1,
          node.optionalText("tokens").map(TokenRange::parse).orElse(null),
          node.optionalText("encoding_format").map(EncodingFormat::parse).orElse(null),
          null);
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  private static Slo slo(ConfigNode node) {
    node.rejectUnknownKeys(SLO);
    double p99Ms = duration(node, "p99").toNanos() / 1e6;
    double maxErrorRate = node.has("max_error_rate") ? node.nonNegative("max_error_rate") : 0.01;
    if (maxErrorRate > 1) {
      throw node.error("max_error_rate", "must be a fraction between 0 and 1, was " + maxErrorRate);
    }
    return new Slo(p99Ms, maxErrorRate);
  }

  private static SyntheticPreset preset(ConfigNode node, String key) {
    try {
      return SyntheticPreset.parse(node.text(key));
    } catch (IllegalArgumentException e) {
      throw node.error(key, e.getMessage());
    }
  }

  private static Duration duration(ConfigNode node, String key) {
    Duration d = nonNegativeDuration(node, key);
    if (d.isZero()) {
      throw node.error(key, "must be longer than zero");
    }
    return d;
  }

  /** For settings kept in microseconds: a finer value is refused rather than cut. */
  private static long nonNegativeMicros(ConfigNode node, String key) {
    long nanos = nonNegativeDuration(node, key).toNanos();
    if (nanos % 1_000 != 0) {
      throw node.error(key, "must be a whole number of microseconds, was " + nanos + "ns");
    }
    return nanos / 1_000;
  }

  private static Duration nonNegativeDuration(ConfigNode node, String key) {
    try {
      return DurationText.parse(node.text(key));
    } catch (IllegalArgumentException e) {
      throw node.error(key, e.getMessage());
    }
  }
}
