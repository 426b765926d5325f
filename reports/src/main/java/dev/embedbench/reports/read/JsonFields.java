package dev.embedbench.reports.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Typed access to a JSON file's fields, with errors that name the file and the dotted key. */
final class JsonFields {

  private static final ObjectMapper MAPPER = new ObjectMapper();

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
      throw RunDirectoryException.at(file, "", "file not found");
    }
    try {
      JsonNode root = MAPPER.readTree(file.toFile());
      if (root == null || !root.isObject()) {
        throw RunDirectoryException.at(file, "", "must hold a JSON object");
      }
      return new JsonFields(file, "", root);
    } catch (JsonProcessingException e) {
      throw new RunDirectoryException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new RunDirectoryException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }

  Path file() {
    return file;
  }

  JsonNode node() {
    return node;
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
      throw RunDirectoryException.at(file, key(name), "missing or not an object");
    }
    return new JsonFields(file, key(name), child);
  }

  Optional<JsonFields> optionalObject(String name) {
    return has(name) ? Optional.of(object(name)) : Optional.empty();
  }

  JsonFields element(String arrayName, int index) {
    return new JsonFields(file, key(arrayName) + "[" + index + "]", node.get(arrayName).get(index));
  }

  int arraySize(String name) {
    JsonNode child = node.get(name);
    if (child == null || !child.isArray()) {
      throw RunDirectoryException.at(file, key(name), "missing or not an array");
    }
    return child.size();
  }

  double number(String name) {
    JsonNode child = node.get(name);
    if (child == null || !child.isNumber()) {
      throw RunDirectoryException.at(file, key(name), "missing or not a number");
    }
    double value = child.doubleValue();
    if (!Double.isFinite(value)) {
      throw RunDirectoryException.at(file, key(name), "must be finite; got " + value);
    }
    return value;
  }

  Optional<Double> optionalNumber(String name) {
    return has(name) ? Optional.of(number(name)) : Optional.empty();
  }

  long count(String name) {
    JsonNode child = node.get(name);
    if (child == null
        || !child.canConvertToLong()
        || !child.isIntegralNumber()
        || child.longValue() < 0) {
      throw RunDirectoryException.at(file, key(name), "missing or not a whole number >= 0");
    }
    return child.longValue();
  }

  boolean bool(String name) {
    JsonNode child = node.get(name);
    if (child == null || !child.isBoolean()) {
      throw RunDirectoryException.at(file, key(name), "missing or not true/false");
    }
    return child.booleanValue();
  }

  boolean optionalBool(String name, boolean absent) {
    return has(name) ? bool(name) : absent;
  }

  String text(String name) {
    JsonNode child = node.get(name);
    if (child == null || !child.isTextual() || child.textValue().isBlank()) {
      throw RunDirectoryException.at(file, key(name), "missing or not a non-empty string");
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
      throw RunDirectoryException.at(file, key(name), "not a string");
    }
    return child.textValue().isBlank() ? Optional.empty() : Optional.of(child.textValue());
  }

  RunDirectoryException error(String name, String reason) {
    return RunDirectoryException.at(file, key(name), reason);
  }
}
