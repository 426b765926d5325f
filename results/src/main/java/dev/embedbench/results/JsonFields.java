package dev.embedbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Checked access to a result file's fields, with errors that name the file and the dotted key. */
final class JsonFields {

  private final Path file;
  private final String prefix;
  private final JsonNode node;

  private JsonFields(Path file, String prefix, JsonNode node) {
    this.file = file;
    this.prefix = prefix;
    this.node = node;
  }

  static JsonFields read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw ResultFileException.at(file, "", "file not found");
    }
    try {
      JsonNode root = ResultJson.MAPPER.readTree(file.toFile());
      if (root == null || !root.isObject()) {
        throw ResultFileException.at(file, "", "must hold a JSON object");
      }
      return new JsonFields(file, "", root);
    } catch (JsonProcessingException e) {
      throw new ResultFileException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ResultFileException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  Path file() {
    return file;
  }

  /** The node itself, to be completed and bound once its fields are checked. */
  ObjectNode objectNode() {
    return (ObjectNode) node;
  }

  String key(String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  boolean has(String name) {
    return node.hasNonNull(name);
  }

  JsonFields object(String name) {
    JsonNode child = node.get(name);
    if (child == null || !child.isObject()) {
      throw error(name, "missing or not an object");
    }
    return new JsonFields(file, key(name), child);
  }

  JsonFields element(String arrayName, int index) {
    JsonNode child = node.get(arrayName).get(index);
    if (child == null || !child.isObject()) {
      throw error(arrayName + "[" + index + "]", "not an object");
    }
    return new JsonFields(file, key(arrayName) + "[" + index + "]", child);
  }

  int arraySize(String name) {
    JsonNode child = node.get(name);
    if (child == null || !child.isArray()) {
      throw error(name, "missing or not an array");
    }
    return child.size();
  }

  double number(String name) {
    JsonNode child = node.get(name);
    if (child == null || !child.isNumber()) {
      throw error(name, "missing or not a number");
    }
    double value = child.doubleValue();
    if (!Double.isFinite(value)) {
      throw error(name, "must be finite; got " + value);
    }
    return value;
  }

  Optional<Double> optionalNumber(String name) {
    return has(name) ? Optional.of(number(name)) : Optional.empty();
  }

  long count(String name) {
    JsonNode child = node.get(name);
    if (child == null
        || !child.isIntegralNumber()
        || !child.canConvertToLong()
        || child.longValue() < 0) {
      throw error(name, "missing or not a whole number >= 0");
    }
    return child.longValue();
  }

  boolean bool(String name) {
    JsonNode child = node.get(name);
    if (child == null || !child.isBoolean()) {
      throw error(name, "missing or not true/false");
    }
    return child.booleanValue();
  }

  String text(String name) {
    JsonNode child = node.get(name);
    if (child == null || !child.isTextual() || child.textValue().isBlank()) {
      throw error(name, "missing or not a non-empty string");
    }
    return child.textValue();
  }

  /** A string that may be absent or empty. */
  Optional<String> optionalText(String name) {
    if (!has(name)) {
      return Optional.empty();
    }
    JsonNode child = node.get(name);
    if (!child.isTextual()) {
      throw error(name, "not a string");
    }
    return child.textValue().isBlank() ? Optional.empty() : Optional.of(child.textValue());
  }

  ResultFileException error(String name, String reason) {
    return ResultFileException.at(file, key(name), reason);
  }
}
