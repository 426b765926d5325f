package dev.embedbench.backends.emulated;

import com.fasterxml.jackson.databind.JsonNode;
import dev.embedbench.backends.config.DurationText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One mapping of a YAML file, read key by key with errors that name the file and the dotted key. It
 * remembers the keys it read so that a misspelt key is reported instead of silently ignored.
 */
final class YamlSection {

  private final Path file;
  private final String prefix;
  private final JsonNode node;
  private final Set<String> read = new HashSet<>();

  YamlSection(Path file, String prefix, JsonNode node) {
    this.file = file;
    this.prefix = prefix;
    this.node = node;
  }

  String text(String key) {
    JsonNode value = required(key);
    if (!value.isTextual()) {
      throw error(key, "must be a string");
    }
    return value.asText();
  }

  String optionalText(String key) {
    JsonNode value = optional(key);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw error(key, "must be a string");
    }
    return value.asText();
  }

  int integer(String key) {
    JsonNode value = required(key);
    if (!value.isInt()) {
      throw error(key, "must be a whole number, was " + value);
    }
    return value.asInt();
  }

  int optionalInteger(String key, int absent) {
    return optional(key) == null ? absent : integer(key);
  }

  long optionalLong(String key, long absent) {
    JsonNode value = optional(key);
    if (value == null) {
      return absent;
    }
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw error(key, "must be a whole number, was " + value);
    }
    return value.asLong();
  }

  double optionalNumber(String key, double absent) {
    JsonNode value = optional(key);
    if (value == null) {
      return absent;
    }
    if (!value.isNumber()) {
      throw error(key, "must be a number, was " + value);
    }
    return value.asDouble();
  }

  Duration duration(String key) {
    JsonNode value = required(key);
    // A number reaches the parser too, which accepts a bare 0 and says what unit any other lacks.
    if (!value.isTextual() && !value.isNumber()) {
      throw error(key, "must be a duration such as 65ms, 40us or 1.5s, was " + value);
    }
    try {
      return DurationText.parse(value.asText());
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  Duration optionalDuration(String key, Duration absent) {
    return optional(key) == null ? absent : duration(key);
  }

  <E extends Enum<E>> E choice(String key, Class<E> type) {
    String value = text(key);
    try {
      return ProfileLoader.parseChoice(value, type);
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  YamlSection section(String key) {
    JsonNode value = required(key);
    if (!value.isObject()) {
      throw error(key, "must be a mapping");
    }
    return new YamlSection(file, prefix + key + ".", value);
  }

  YamlSection optionalSection(String key) {
    return optional(key) == null ? null : section(key);
  }

  /** Builds a record, turning its rule violations into errors that name this section's key. */
  <T> T build(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (InvalidSetting e) {
      throw new ProfileException(file, prefix + e.key(), e.reason());
    } catch (ProfileException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ProfileException(
          file, prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1), e.getMessage());
    }
  }

  void rejectUnknownKeys() {
    List<String> unknown = new ArrayList<>();
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!read.contains(name)) {
                unknown.add(name);
              }
            });
    if (!unknown.isEmpty()) {
      throw error(unknown.get(0), "unknown key (known here: " + String.join(", ", read) + ")");
    }
  }

  private JsonNode required(String key) {
    JsonNode value = optional(key);
    if (value == null) {
      throw error(key, "is required");
    }
    return value;
  }

  private JsonNode optional(String key) {
    read.add(key);
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value;
  }

  private ProfileException error(String key, String reason) {
    return new ProfileException(file, prefix + key, reason);
  }
}
