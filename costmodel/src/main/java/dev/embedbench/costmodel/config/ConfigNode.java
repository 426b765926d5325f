package dev.embedbench.costmodel.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One node of a parsed YAML or JSON document that knows its file and key path, so that every error
 * names both. Accessors validate as they read: a caller never sees a missing or malformed value.
 */
public final class ConfigNode {

  private final String file;
  private final String path;
  private final JsonNode node;

  ConfigNode(String file, String path, JsonNode node) {
    this.file = Objects.requireNonNull(file, "file");
    this.path = Objects.requireNonNull(path, "path");
    this.node = Objects.requireNonNull(node, "node");
  }

  public String file() {
    return file;
  }

  public ConfigException error(String key, String reason) {
    return new ConfigException(file, keyPath(key), reason);
  }

  public ConfigException error(String reason) {
    return new ConfigException(file, path.isEmpty() ? "(document)" : path, reason);
  }

  public boolean has(String key) {
    JsonNode child = node.get(key);
    return child != null && !child.isNull();
  }

  /**
   * Rejects keys outside {@code allowed}, which catches typos that would otherwise fall back to
   * defaults.
   */
  public void requireOnlyKeys(Set<String> allowed) {
    requireObject();
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw error(name, "unknown key; expected one of " + new TreeSet<>(allowed));
      }
    }
  }

  public ConfigNode child(String key) {
    requireObject();
    if (!has(key)) {
      throw error(key, "is required");
    }
    return new ConfigNode(file, keyPath(key), node.get(key));
  }

  public List<ConfigNode> list(String key) {
    ConfigNode child = child(key);
    if (!child.node.isArray()) {
      throw error(key, "must be a list");
    }
    List<ConfigNode> items = new ArrayList<>();
    for (int i = 0; i < child.node.size(); i++) {
      items.add(new ConfigNode(file, child.path + "[" + i + "]", child.node.get(i)));
    }
    return items;
  }

  public String text(String key) {
    JsonNode value = child(key).node;
    if (!value.isValueNode() || value.asText().isBlank()) {
      throw error(key, "must be a non-empty string");
    }
    return value.asText();
  }

  public Optional<String> optionalText(String key) {
    return has(key) ? Optional.of(text(key)) : Optional.empty();
  }

  public List<String> textList(String key) {
    List<String> values = new ArrayList<>();
    for (ConfigNode item : list(key)) {
      if (!item.node.isValueNode() || item.node.asText().isBlank()) {
        throw item.error("must be a non-empty string");
      }
      values.add(item.node.asText());
    }
    return values;
  }

  public double number(String key) {
    JsonNode value = child(key).node;
    if (!value.isNumber()) {
      throw error(key, "must be a number, was '" + value.asText() + "'");
    }
    double number = value.asDouble();
    if (!Double.isFinite(number)) {
      throw error(key, "must be finite");
    }
    return number;
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

  public int positiveInt(String key) {
    double value = positive(key);
    if (value != Math.rint(value) || value > Integer.MAX_VALUE) {
      throw error(key, "must be a whole number, was " + value);
    }
    return (int) value;
  }

  public boolean bool(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode value = node.get(key);
    if (!value.isBoolean()) {
      throw error(key, "must be true or false, was '" + value.asText() + "'");
    }
    return value.asBoolean();
  }

  public List<Double> numberList(String key) {
    List<Double> values = new ArrayList<>();
    for (ConfigNode item : list(key)) {
      if (!item.node.isNumber() || !Double.isFinite(item.node.asDouble())) {
        throw item.error("must be a number");
      }
      values.add(item.node.asDouble());
    }
    return values;
  }

  /**
   * The raw tree, for readers of foreign formats (load-generator results) that look keys up
   * loosely.
   */
  public JsonNode raw() {
    return node;
  }

  private void requireObject() {
    if (!node.isObject()) {
      throw error("must be a mapping of keys to values");
    }
  }

  private String keyPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
