package dev.embedbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One node of a parsed YAML or JSON file that knows its file and dotted key path, so that every
 * error names the file, the key and the reason. Getters validate as they read: a caller never sees
 * a missing or malformed value. A getter with a default returns it when the key is absent or null;
 * one without requires the key. {@link #rejectUnknownKeys} catches misspelt keys that would
 * otherwise fall back to defaults.
 *
 * <p>Errors are made by the {@link ConfigErrors} the file was read with, so each module keeps its
 * own exception type. Runs on the caller's thread; a node is not shared.
 */
public final class ConfigNode {

  private static final String MAPPING = "must be a mapping of keys to values";
  private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final String DURATION_FORM = "must be a duration such as 500ms, 40us or 1.5s";

  private final Path file;
  private final String path;
  private final JsonNode node;
  private final ConfigErrors errors;

  ConfigNode(Path file, String path, JsonNode node, ConfigErrors errors) {
    this.file = Objects.requireNonNull(file, "file");
    this.path = Objects.requireNonNull(path, "path");
    this.node = Objects.requireNonNull(node, "node");
    this.errors = Objects.requireNonNull(errors, "errors");
  }

  /** A tree parsed elsewhere, read as the whole of {@code file}. */
  public static ConfigNode root(Path file, JsonNode root, ConfigErrors errors) {
    return new ConfigNode(file, "", root, errors);
  }

  public Path file() {
    return file;
  }

  /** This node's own key path; empty for the file's root. */
  public String path() {
    return path;
  }

  public String keyPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The tree itself, for binding into records once its fields are checked. */
  public JsonNode raw() {
    return node;
  }

  /** An error at {@code key} under this node. */
  public RuntimeException error(String key, String reason) {
    return errors.error(file, keyPath(key), reason);
  }

  /** An error at this node itself. */
  public RuntimeException error(String reason) {
    return errors.error(file, path, reason);
  }

  public boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  /** Fails on any key not in {@code known}, listing the known ones. */
  public void rejectUnknownKeys(Set<String> known) {
    requireMapping();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw error(name, "unknown key; known keys here are " + new TreeSet<>(known));
      }
    }
  }

  /** A required mapping. */
  public ConfigNode object(String key) {
    JsonNode value = required(key);
    if (!value.isObject()) {
      throw error(key, MAPPING);
    }
    return new ConfigNode(file, keyPath(key), value, errors);
  }

  public Optional<ConfigNode> optionalObject(String key) {
    return has(key) ? Optional.of(object(key)) : Optional.empty();
  }

  /** The items of a required list, of any kind. */
  public List<ConfigNode> list(String key) {
    JsonNode value = required(key);
    if (!value.isArray()) {
      throw error(key, "must be a list");
    }
    List<ConfigNode> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      items.add(new ConfigNode(file, keyPath(key) + "[" + i + "]", value.get(i), errors));
    }
    return items;
  }

  /** The items of a list of mappings; empty when the key is absent. */
  public List<ConfigNode> objects(String key) {
    if (!has(key)) {
      return List.of();
    }
    List<ConfigNode> items = list(key);
    for (ConfigNode item : items) {
      if (!item.node.isObject()) {
        throw item.error(MAPPING);
      }
    }
    return items;
  }

  /** A list of non-empty strings; empty when the key is absent. */
  public List<String> strings(String key) {
    if (!has(key)) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (ConfigNode item : list(key)) {
      values.add(item.textValue());
    }
    return values;
  }

  /** A required, non-empty string. */
  public String text(String key) {
    required(key);
    return child(key).textValue();
  }

  public String text(String key, String defaultValue) {
    return has(key) ? text(key) : defaultValue;
  }

  /** A string that may be absent; an empty one counts as absent. */
  public Optional<String> optionalText(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode value = node.get(key);
    if (!value.isTextual()) {
      throw error(key, "must be a string");
    }
    return value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
  }

  /**
   * A string that may be a whole-value {@code ${ENV_VAR}} reference, which must resolve through
   * {@code environment} to a non-empty value, so that secrets stay out of files; empty when absent.
   */
  public Optional<String> secret(String key, UnaryOperator<String> environment) {
    return has(key) ? Optional.of(child(key).resolve(environment)) : Optional.empty();
  }

  /** A list of {@link #secret}s; empty when the key is absent. */
  public List<String> secrets(String key, UnaryOperator<String> environment) {
    if (!has(key)) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (ConfigNode item : list(key)) {
      values.add(item.resolve(environment));
    }
    return values;
  }

  /** One of {@code type}'s constants, written in lower case ({@code batch} for {@code BATCH}). */
  public <E extends Enum<E>> E choice(String key, Class<E> type) {
    String value = text(key);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
        return constant;
      }
    }
    throw error(
        key,
        "must be one of "
            + Stream.of(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "))
            + ", was '"
            + value
            + "'");
  }

  /** A required whole number within {@code [min, max]}. */
  public long longValue(String key, long min, long max) {
    JsonNode value = required(key);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw error(key, "must be a whole number, not '" + value.asText() + "'");
    }
    long v = value.asLong();
    // A bound at the type's limit is no rule of the setting's, so the message leaves it out.
    boolean noMax = max == Integer.MAX_VALUE || max == Long.MAX_VALUE;
    boolean noMin = min == Integer.MIN_VALUE || min == Long.MIN_VALUE;
    if (v < min) {
      throw error(key, (noMax ? "must be >= " + min : between(min, max)) + ", was " + v);
    }
    if (v > max) {
      throw error(key, (noMin ? "must be <= " + max : between(min, max)) + ", was " + v);
    }
    return v;
  }

  public long longValue(String key, long defaultValue, long min, long max) {
    return has(key) ? longValue(key, min, max) : defaultValue;
  }

  /** A required whole number that fits an {@code int}. */
  public int intValue(String key) {
    return intValue(key, Integer.MIN_VALUE);
  }

  /** A required whole number of at least {@code min}. */
  public int intValue(String key, int min) {
    return (int) longValue(key, min, Integer.MAX_VALUE);
  }

  public int intValue(String key, int defaultValue, int min) {
    return has(key) ? intValue(key, min) : defaultValue;
  }

  public int intValue(String key, int defaultValue, int min, int max) {
    return (int) longValue(key, defaultValue, min, max);
  }

  public Optional<Integer> optionalInt(String key, int min) {
    return has(key) ? Optional.of(intValue(key, min)) : Optional.empty();
  }

  /** A required, finite number. */
  public double number(String key) {
    return child(key).numberValue();
  }

  public double number(String key, double defaultValue) {
    return has(key) ? number(key) : defaultValue;
  }

  public Optional<Double> optionalNumber(String key) {
    return has(key) ? Optional.of(number(key)) : Optional.empty();
  }

  public double positive(String key) {
    double value = number(key);
    if (value <= 0) {
      throw error(key, "must be > 0, was " + value);
    }
    return value;
  }

  public double nonNegative(String key) {
    double value = number(key);
    if (value < 0) {
      throw error(key, "must be >= 0, was " + value);
    }
    return value;
  }

  /** A share between 0 and 1, both included. */
  public double fraction(String key, double defaultValue) {
    if (!has(key)) {
      return defaultValue;
    }
    JsonNode value = node.get(key);
    if (!value.isNumber()) {
      throw error(key, "must be a number between 0 and 1, not '" + value.asText() + "'");
    }
    double v = value.asDouble();
    if (!(v >= 0 && v <= 1)) {
      throw error(key, "must be between 0 and 1, was " + v);
    }
    return v;
  }

  /** A required list of finite numbers. */
  public List<Double> numberList(String key) {
    List<Double> values = new ArrayList<>();
    for (ConfigNode item : list(key)) {
      values.add(item.numberValue());
    }
    return values;
  }

  public boolean bool(String key) {
    JsonNode value = required(key);
    if (!value.isBoolean()) {
      throw error(key, "must be true or false, not '" + value.asText() + "'");
    }
    return value.asBoolean();
  }

  public boolean bool(String key, boolean defaultValue) {
    return has(key) ? bool(key) : defaultValue;
  }

  /** A required duration in the grammar of {@link DurationText}; zero is allowed. */
  public Duration duration(String key) {
    JsonNode value = required(key);
    // A number reaches the parser too, which accepts a bare 0 and says what unit any other lacks.
    if (!value.isTextual() && !value.isNumber()) {
      throw error(key, DURATION_FORM + ", not " + value);
    }
    try {
      return DurationText.parse(value.asText());
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  /** A duration that may be zero ({@code 0} or {@code 0s}), for delays that can be switched off. */
  public Duration duration(String key, Duration defaultValue) {
    return has(key) ? duration(key) : defaultValue;
  }

  /** A duration longer than zero; {@code defaultValue} (which may be null) when absent. */
  public Duration positiveDuration(String key, Duration defaultValue) {
    if (!has(key)) {
      return defaultValue;
    }
    Duration d = duration(key);
    if (d.isZero()) {
      throw error(key, "must be longer than zero");
    }
    return d;
  }

  /**
   * A required, positive duration for a setting kept in microseconds: a finer value is refused, not
   * cut.
   */
  public long micros(String key) {
    long nanos = positiveDuration(key, null).toNanos();
    if (nanos % 1_000 != 0) {
      throw error(key, "must be a whole number of microseconds, was " + nanos + "ns");
    }
    return nanos / 1_000;
  }

  private static String between(long min, long max) {
    return "must be between " + min + " and " + max;
  }

  private JsonNode required(String key) {
    requireMapping();
    if (!has(key)) {
      throw error(key, "is required");
    }
    return node.get(key);
  }

  private ConfigNode child(String key) {
    return new ConfigNode(file, keyPath(key), required(key), errors);
  }

  private String resolve(UnaryOperator<String> environment) {
    String written = textValue();
    Matcher m = ENV_REF.matcher(written);
    if (!m.matches()) {
      if (written.contains("${")) {
        throw error(
            "write an environment reference as the whole value, like ${EMBEDBENCH_API_KEY}");
      }
      return written;
    }
    String value = environment.apply(m.group(1));
    if (value == null || value.isEmpty()) {
      throw error("environment variable " + m.group(1) + " is not set");
    }
    return value;
  }

  private String textValue() {
    if (!(node.isTextual() || node.isNumber()) || node.asText().isBlank()) {
      throw error("must be a non-empty string");
    }
    return node.asText();
  }

  private double numberValue() {
    if (!node.isNumber()) {
      throw error("must be a number, was '" + node.asText() + "'");
    }
    double number = node.asDouble();
    if (!Double.isFinite(number)) {
      throw error("must be finite");
    }
    return number;
  }

  private void requireMapping() {
    if (!node.isObject()) {
      throw error(MAPPING);
    }
  }
}
