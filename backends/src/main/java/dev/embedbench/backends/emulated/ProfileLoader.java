package dev.embedbench.backends.emulated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.embedbench.backends.MatryoshkaRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads an {@link EmulatorProfile} from YAML. Types, presence and unknown keys are checked here;
 * value rules live in the records and come back naming the file and the dotted key.
 */
final class ProfileLoader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ProfileLoader() {}

  static EmulatorProfile load(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (NoSuchFileException e) {
      throw new ProfileException(file, null, "file not found");
    } catch (IOException e) {
      if (!Files.exists(file)) {
        throw new ProfileException(file, null, "file not found");
      }
      throw new ProfileException(
          file, null, "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw new ProfileException(file, null, "must be a YAML mapping of profile keys");
    }
    YamlSection top = new YamlSection(file, "", root);
    YamlSection matryoshkaSection = top.optionalSection("matryoshka");
    MatryoshkaRange matryoshka =
        matryoshkaSection == null
            ? null
            : matryoshkaSection.build(
                () ->
                    new MatryoshkaRange(
                        matryoshkaSection.integer("min"), matryoshkaSection.integer("max")));
    if (matryoshkaSection != null) {
      matryoshkaSection.rejectUnknownKeys();
    }
    EmulatorProfile.Scheduling scheduling = scheduling(top.section("scheduling"));
    EmulatorProfile.ServiceTime serviceTime = serviceTime(top.section("service_time"));
    YamlSection failuresSection = top.optionalSection("failures");
    EmulatorProfile.Failures failures =
        failuresSection == null ? EmulatorProfile.Failures.NONE : failures(failuresSection);
    EmulatorProfile profile =
        top.build(
            () ->
                new EmulatorProfile(
                    top.text("name"),
                    top.text("model"),
                    top.text("hardware"),
                    top.text("source"),
                    top.integer("dimensions"),
                    top.integer("max_input_tokens"),
                    matryoshka,
                    top.optionalText("tokenizer"),
                    scheduling,
                    serviceTime,
                    failures));
    top.rejectUnknownKeys();
    return profile;
  }

  private static EmulatorProfile.Scheduling scheduling(YamlSection s) {
    SchedulingMode mode = s.choice("mode", SchedulingMode.class);
    EmulatorProfile.Scheduling scheduling =
        s.build(
            () ->
                new EmulatorProfile.Scheduling(
                    mode,
                    s.integer("slots"),
                    s.optionalInteger("batch_max_tokens", 0),
                    s.integer("queue_limit"),
                    s.optionalDuration("retry_after", Duration.ofSeconds(1))));
    s.rejectUnknownKeys();
    return scheduling;
  }

  private static EmulatorProfile.ServiceTime serviceTime(YamlSection s) {
    EmulatorProfile.ServiceTime serviceTime =
        s.build(
            () ->
                new EmulatorProfile.ServiceTime(
                    s.duration("base"),
                    s.duration("per_token"),
                    s.choice("distribution", LatencyDistribution.class),
                    s.optionalNumber("cv", 0),
                    s.optionalLong("seed", 1)));
    s.rejectUnknownKeys();
    return serviceTime;
  }

  private static EmulatorProfile.Failures failures(YamlSection s) {
    EmulatorProfile.Failures failures =
        s.build(
            () ->
                new EmulatorProfile.Failures(
                    s.optionalNumber("error_rate", 0), s.optionalNumber("stall_rate", 0),
                    s.optionalDuration("stall", Duration.ZERO),
                        s.optionalDuration("slow_start", Duration.ZERO)));
    s.rejectUnknownKeys();
    return failures;
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

  /** Lower-case YAML values such as {@code batch} name enum constants such as {@code BATCH}. */
  static <E extends Enum<E>> E parseChoice(String value, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        "must be one of "
            + Stream.of(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "))
            + ", was '"
            + value
            + "'");
  }
}
