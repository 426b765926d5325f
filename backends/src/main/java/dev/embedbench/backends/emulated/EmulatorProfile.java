package dev.embedbench.backends.emulated;

import static dev.embedbench.backends.emulated.InvalidSetting.check;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.MatryoshkaRange;
import dev.embedbench.backends.ModelInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How an emulated server behaves: the model it pretends to serve, the hardware it stands in for,
 * and its queueing, service-time and failure settings. Loaded from YAML by {@link ProfileLoader}.
 *
 * @param name the profile's name, such as {@code qwen3-embedding-0.6b-a10g}
 * @param model the model name it answers as, such as {@code Qwen3-Embedding-0.6B}
 * @param hardware the hardware it emulates, such as {@code NVIDIA A10G}
 * @param source where its figures come from
 * @param dimensions length of the vectors it returns
 * @param maxInputTokens the longest input it accepts, in estimated tokens
 * @param matryoshka the sizes {@code dimensions} may ask for, or null when the model has none
 * @param tokenizer the tokenizer whose ids it declares to accept, or null
 */
public record EmulatorProfile(
    String name,
    String model,
    String hardware,
    String source,
    int dimensions,
    int maxInputTokens,
    MatryoshkaRange matryoshka,
    String tokenizer,
    Scheduling scheduling,
    ServiceTime serviceTime,
    Failures failures) {

  /** Names of built-in profiles: they become file names, so no path separators or dots first. */
  private static final String NAME_PATTERN = "[a-z0-9][a-z0-9._-]*";

  public EmulatorProfile {
    check(
        name != null && name.matches(NAME_PATTERN),
        "name",
        "must match " + NAME_PATTERN + ", was " + name);
    check(model != null && !model.isBlank(), "model", "must not be blank");
    check(hardware != null && !hardware.isBlank(), "hardware", "must not be blank");
    check(source != null && !source.isBlank(), "source", "must not be blank");
    check(dimensions >= 1, "dimensions", "must be >= 1, was " + dimensions);
    check(maxInputTokens >= 1, "max_input_tokens", "must be >= 1, was " + maxInputTokens);
    check(
        matryoshka == null || matryoshka.maxDimensions() <= dimensions,
        "matryoshka.max",
        "must be <= dimensions (" + dimensions + ")");
    Objects.requireNonNull(scheduling, "scheduling");
    Objects.requireNonNull(serviceTime, "serviceTime");
    Objects.requireNonNull(failures, "failures");
  }

  /**
   * Queueing.
   *
   * @param mode one request per slot, or token-budget batches
   * @param slots requests (slots mode) or batches (batch mode) in service at once
   * @param batchMaxTokens the token budget of one batch; 0 in slots mode. A request larger than the
   *     budget still runs, alone.
   * @param queueLimit waiting requests beyond which new ones get 429
   * @param retryAfter sent with 429 and 503
   */
  public record Scheduling(
      SchedulingMode mode, int slots, int batchMaxTokens, int queueLimit, Duration retryAfter) {
    public Scheduling {
      Objects.requireNonNull(mode, "mode");
      check(slots >= 1, "slots", "must be >= 1, was " + slots);
      check(
          mode == SchedulingMode.BATCH ? batchMaxTokens >= 1 : batchMaxTokens == 0,
          "batch_max_tokens",
          mode == SchedulingMode.BATCH
              ? "must be >= 1 in batch mode, was " + batchMaxTokens
              : "applies to batch mode only");
      check(queueLimit >= 0, "queue_limit", "must be >= 0, was " + queueLimit);
      check(retryAfter != null && !retryAfter.isNegative(), "retry_after", "must be >= 0");
    }
  }

  /**
   * Service time of one request (slots) or batch: {@code base + perToken * tokens} on average,
   * drawn from {@code distribution} with coefficient of variation {@code cv}.
   *
   * @param seed seeds the draws, so a run can be repeated
   */
  public record ServiceTime(
      Duration base, Duration perToken, LatencyDistribution distribution, double cv, long seed) {
    public ServiceTime {
      check(base != null && !base.isNegative(), "base", "must be >= 0");
      check(perToken != null && !perToken.isNegative(), "per_token", "must be >= 0");
      Objects.requireNonNull(distribution, "distribution");
      check(cv >= 0 && cv <= 10, "cv", "must be in [0, 10], was " + cv);
      check(
          distribution != LatencyDistribution.FIXED || cv == 0,
          "cv",
          "must be 0 (or absent) for a fixed distribution, was " + cv);
    }
  }

  /**
   * Failure injection.
   *
   * @param errorRate the fraction of requests answered 500 after their service time
   * @param stallRate the fraction of batches (or slot services) held {@code stall} longer
   * @param stall how long a stall lasts
   * @param slowStart how long after start the server answers 503 (model loading)
   */
  public record Failures(double errorRate, double stallRate, Duration stall, Duration slowStart) {
    public static final Failures NONE = new Failures(0, 0, Duration.ZERO, Duration.ZERO);

    public Failures {
      check(errorRate >= 0 && errorRate <= 1, "error_rate", "must be in [0, 1], was " + errorRate);
      check(stallRate >= 0 && stallRate <= 1, "stall_rate", "must be in [0, 1], was " + stallRate);
      check(stall != null && !stall.isNegative(), "stall", "must be >= 0");
      check(
          stallRate == 0 || stall.compareTo(Duration.ZERO) > 0,
          "stall",
          "must be > 0 when stall_rate is set");
      check(slowStart != null && !slowStart.isNegative(), "slow_start", "must be >= 0");
    }
  }

  /**
   * What a backend serving this profile reports: kind emulated, source naming profile and hardware.
   */
  public ModelInfo modelInfo() {
    return new ModelInfo(
        model,
        dimensions,
        maxInputTokens,
        matryoshka,
        tokenizer,
        BackendKind.EMULATED,
        "emulated: profile " + name + " (" + model + " on " + hardware + "; " + source + ")");
  }

  /** Mean service time of a lone request of {@code tokens} tokens. */
  public Duration meanServiceTime(int tokens) {
    return serviceTime.base().plus(serviceTime.perToken().multipliedBy(tokens));
  }

  /**
   * @throws ProfileException naming the file, the key and the reason
   */
  public static EmulatorProfile load(Path file) {
    return ProfileLoader.load(file);
  }

  /**
   * Loads {@code configs/profiles/<name>.yaml} under the {@code embedbench.home} system property,
   * or under the working directory when it is not set.
   *
   * @throws ProfileException when there is no such profile, listing those there are
   */
  public static EmulatorProfile builtin(String name) {
    Path dir = profilesDirectory();
    if (name == null || !name.matches(NAME_PATTERN)) {
      throw new ProfileException(
          dir, null, "'" + name + "' is not a profile name (" + NAME_PATTERN + ")");
    }
    Path file = dir.resolve(name + ".yaml");
    if (!Files.isRegularFile(file)) {
      throw new ProfileException(
          file, null, "no such built-in profile; available: " + ProfileLoader.available(dir));
    }
    return load(file);
  }

  /** Where built-in profiles live. */
  public static Path profilesDirectory() {
    String home = System.getProperty("embedbench.home");
    Path root = home == null || home.isBlank() ? Path.of("") : Path.of(home);
    return root.toAbsolutePath().resolve("configs").resolve("profiles");
  }
}
