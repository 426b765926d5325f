package dev.embedbench.backends.emulated;

import dev.embedbench.backends.MatryoshkaRange;
import dev.embedbench.config.ConfigErrors;
import dev.embedbench.config.ConfigFiles;
import dev.embedbench.config.ConfigNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads an {@link EmulatorProfile} from YAML. Types, presence and unknown keys are checked here;
 * value rules live in the records and come back naming the file and the dotted key.
 */
final class ProfileLoader {

  private static final ConfigErrors ERRORS =
      (file, key, reason) -> new ProfileException(file, key.isEmpty() ? null : key, reason);
  private static final Set<String> TOP_KEYS =
      Set.of(
          "name",
          "model",
          "hardware",
          "source",
          "dimensions",
          "max_input_tokens",
          "matryoshka",
          "tokenizer",
          "scheduling",
          "service_time",
          "failures");
  private static final Set<String> MATRYOSHKA_KEYS = Set.of("min", "max");
  private static final Set<String> SCHEDULING_KEYS =
      Set.of("mode", "slots", "batch_max_tokens", "queue_limit", "retry_after");
  private static final Set<String> SERVICE_TIME_KEYS =
      Set.of("base", "per_token", "distribution", "cv", "seed");
  private static final Set<String> FAILURES_KEYS =
      Set.of("error_rate", "stall_rate", "stall", "slow_start");

  private ProfileLoader() {}

  static EmulatorProfile load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ProfileException(file, null, "file not found");
    }
    ConfigNode top = ConfigFiles.read(file, ERRORS);
    if (!top.raw().isObject()) {
      throw new ProfileException(file, null, "must be a YAML mapping of profile keys");
    }
    top.rejectUnknownKeys(TOP_KEYS);
    MatryoshkaRange matryoshka =
        top.optionalObject("matryoshka").map(ProfileLoader::matryoshka).orElse(null);
    EmulatorProfile.Scheduling scheduling = scheduling(top.object("scheduling"));
    EmulatorProfile.ServiceTime serviceTime = serviceTime(top.object("service_time"));
    EmulatorProfile.Failures failures =
        top.optionalObject("failures")
            .map(ProfileLoader::failures)
            .orElse(EmulatorProfile.Failures.NONE);
    String name = top.text("name");
    String model = top.text("model");
    String hardware = top.text("hardware");
    String source = top.text("source");
    int dimensions = top.intValue("dimensions");
    int maxInputTokens = top.intValue("max_input_tokens");
    String tokenizer = top.optionalText("tokenizer").orElse(null);
    return build(
        top,
        () ->
            new EmulatorProfile(
                name,
                model,
                hardware,
                source,
                dimensions,
                maxInputTokens,
                matryoshka,
                tokenizer,
                scheduling,
                serviceTime,
                failures));
  }

  private static MatryoshkaRange matryoshka(ConfigNode s) {
    s.rejectUnknownKeys(MATRYOSHKA_KEYS);
    int min = s.intValue("min");
    int max = s.intValue("max");
    return build(s, () -> new MatryoshkaRange(min, max));
  }

  private static EmulatorProfile.Scheduling scheduling(ConfigNode s) {
    s.rejectUnknownKeys(SCHEDULING_KEYS);
    SchedulingMode mode = s.choice("mode", SchedulingMode.class);
    int slots = s.intValue("slots");
    int batchMaxTokens = s.intValue("batch_max_tokens", 0, Integer.MIN_VALUE);
    int queueLimit = s.intValue("queue_limit");
    Duration retryAfter = s.duration("retry_after", Duration.ofSeconds(1));
    return build(
        s,
        () -> new EmulatorProfile.Scheduling(mode, slots, batchMaxTokens, queueLimit, retryAfter));
  }

  private static EmulatorProfile.ServiceTime serviceTime(ConfigNode s) {
    s.rejectUnknownKeys(SERVICE_TIME_KEYS);
    Duration base = s.duration("base");
    Duration perToken = s.duration("per_token");
    LatencyDistribution distribution = s.choice("distribution", LatencyDistribution.class);
    double cv = s.number("cv", 0);
    long seed = s.longValue("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    return build(s, () -> new EmulatorProfile.ServiceTime(base, perToken, distribution, cv, seed));
  }

  private static EmulatorProfile.Failures failures(ConfigNode s) {
    s.rejectUnknownKeys(FAILURES_KEYS);
    double errorRate = s.number("error_rate", 0);
    double stallRate = s.number("stall_rate", 0);
    Duration stall = s.duration("stall", Duration.ZERO);
    Duration slowStart = s.duration("slow_start", Duration.ZERO);
    return build(s, () -> new EmulatorProfile.Failures(errorRate, stallRate, stall, slowStart));
  }

  /** Builds a record, turning its rule violations into errors that name this section's key. */
  private static <T> T build(ConfigNode section, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (InvalidSetting e) {
      throw section.error(e.key(), e.reason());
    } catch (ProfileException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw section.error(e.getMessage());
    }
  }

  /** The names of the profiles in a directory, for error messages. */
  static String available(Path dir) {
    if (!Files.isDirectory(dir)) {
      return "none (" + dir + " does not exist)";
    }
    try (Stream<Path> files = Files.list(dir)) {
      String names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml"))
              .map(n -> n.substring(0, n.length() - ".yaml".length()))
              .sorted()
              .collect(Collectors.joining(", "));
      return names.isEmpty() ? "none" : names;
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
