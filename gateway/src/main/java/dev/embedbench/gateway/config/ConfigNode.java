package dev.embedbench.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.embedbench.backends.config.DurationText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A YAML mapping being read, with the key path that led to it, so that every error names the file
 * and the exact key. Typed getters apply defaults and bounds; {@link #rejectUnknownKeys} catches
 * typos.
 */
final class ConfigNode {

  private final Path file;
  private final String path;
  private final JsonNode node;

  ConfigNode(Path file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  Path file() {
    return file;
  }

  String path() {
    return path;
  }

  String keyPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  ConfigException error(String key, String reason) {
    return new ConfigException(file, key == null ? path : keyPath(key), reason);
  }

  boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  /** Fails on any key not in {@code known}, listing the known ones. */
  void rejectUnknownKeys(Set<String> known) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw error(name, "unknown key; known keys here are " + new TreeSet<>(known));
      }
    }
  }

  ConfigNode object(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw error(key, "must be a mapping of keys to values");
    }
    return new ConfigNode(file, keyPath(key), value);
  }

  /** The items of a list of mappings; empty when the key is absent. */
  List<ConfigNode> objects(String key) {
    JsonNode value = node.get(key);
    List<ConfigNode> items = new ArrayList<>();
    if (value == null || value.isNull()) {
      return items;
    }
    if (!value.isArray()) {
      throw error(key, "must be a list");
    }
    for (int i = 0; i < value.size(); i++) {
      String itemPath = keyPath(key) + "[" + i + "]";
      if (!value.get(i).isObject()) {
        throw new ConfigException(file, itemPath, "must be a mapping of keys to values");
      }
      items.add(new ConfigNode(file, itemPath, value.get(i)));
    }
    return items;
  }

  List<String> strings(String key) {
    JsonNode value = node.get(key);
    List<String> items = new ArrayList<>();
    if (value == null || value.isNull()) {
      return items;
    }
    if (!value.isArray()) {
      throw error(key, "must be a list of strings");
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual() || item.asText().isBlank()) {
        throw new ConfigException(file, keyPath(key) + "[" + i + "]", "must be a non-empty string");
      }
      items.add(item.asText());
    }
    return items;
  }

  String string(String key, String defaultValue) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (!value.isTextual()) {
      throw error(key, "must be a string");
    }
    if (value.asText().isBlank()) {
      throw error(key, "must not be blank");
    }
    return value.asText();
  }

  String requiredString(String key) {
    String value = string(key, null);
    if (value == null) {
      throw error(key, "is required");
    }
    return value;
  }

  long integer(String key, long defaultValue, long min, long max) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw error(key, "must be a whole number, not '" + value.asText() + "'");
    }
    long v = value.asLong();
    if (v < min || v > max) {
      boolean unbounded = max == Integer.MAX_VALUE || max == Long.MAX_VALUE;
      throw error(
          key,
          (unbounded ? "must be >= " + min : "must be between " + min + " and " + max)
              + ", was "
              + v);
    }
    return v;
  }

  int integer(String key, int defaultValue, int min) {
    return (int) integer(key, defaultValue, min, Integer.MAX_VALUE);
  }

  Integer optionalInteger(String key, int min) {
    return has(key) ? integer(key, min, min) : null;
  }

  double fraction(String key, double defaultValue) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (!value.isNumber()) {
      throw error(key, "must be a number between 0 and 1, not '" + value.asText() + "'");
    }
    double v = value.asDouble();
    if (!(v >= 0 && v <= 1)) {
      throw error(key, "must be between 0 and 1, was " + v);
    }
    return v;
  }

  boolean bool(String key, boolean defaultValue) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (!value.isBoolean()) {
      throw error(key, "must be true or false, not '" + value.asText() + "'");
    }
    return value.asBoolean();
  }

  /**
   * A positive duration in the grammar of {@link DurationText}, such as {@code 500ms} or {@code
   * 1.5s}.
   */
  Duration duration(String key, Duration defaultValue) {
    Duration d = durationOrZero(key, defaultValue);
    if (d != null && d.isZero()) {
      throw error(key, "must be longer than zero");
    }
    return d;
  }

  /** A duration that may be zero ({@code 0} or {@code 0s}), for delays that can be switched off. */
  Duration durationOrZero(String key, Duration defaultValue) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    // A number reaches the parser too, which says what unit it lacks (a bare 0 fails below).
    if (!value.isTextual() && !value.isNumber()) {
      throw error(key, "must be a duration such as 500ms or 1.5s, not " + value);
    }
    Duration d;
    try {
      d = DurationText.parse(value.asText());
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
    return d;
  }

  /**
   * A present, positive duration for a setting kept in microseconds: a finer value is refused, not
   * cut.
   */
  long micros(String key) {
    long nanos = duration(key, null).toNanos();
    if (nanos % 1_000 != 0) {
      throw error(key, "must be a whole number of microseconds, was " + nanos + "ns");
    }
    return nanos / 1_000;
  }
}
