package dev.embedbench.loadgen.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a workload file. If its first non-blank line starts with <code>{</code> the file is JSONL,
 * each line {@code {"text": "..."}} or {@code {"input": ["...", ...]}} (or {@code "input": "..."});
 * otherwise each non-blank line is one text. Errors name the file and the line.
 */
public final class WorkloadFileParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WorkloadFileParser() {}

  public static List<WorkloadEntry> parse(Path file) {
    List<String> lines;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      lines = reader.lines().toList();
    } catch (java.io.UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new WorkloadException(file + ": not valid UTF-8 text");
      }
      throw new WorkloadException(file + ": cannot read: " + e.getCause().getMessage(), e);
    } catch (IOException e) {
      throw new WorkloadException(file + ": cannot read: " + e.getMessage(), e);
    }
    boolean jsonl =
        lines.stream()
            .filter(line -> !line.isBlank())
            .findFirst()
            .map(line -> line.stripLeading().startsWith("{"))
            .orElse(false);
    List<WorkloadEntry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      entries.add(jsonl ? parseJsonLine(file, i + 1, line) : WorkloadEntry.text(line.strip()));
    }
    if (entries.isEmpty()) {
      throw new WorkloadException(file + ": holds no texts (every line is blank)");
    }
    return entries;
  }

  private static WorkloadEntry parseJsonLine(Path file, int lineNumber, String line) {
    String where = file + ":" + lineNumber + ": ";
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new WorkloadException(where + "not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      throw new WorkloadException(where + "each line of a JSONL workload must be a JSON object");
    }
    JsonNode text = node.get("text");
    JsonNode input = node.get("input");
    if (text != null && input != null) {
      throw new WorkloadException(where + "give either \"text\" or \"input\", not both");
    }
    if (text != null) {
      if (!text.isTextual() || text.asText().isEmpty()) {
        throw new WorkloadException(where + "\"text\" must be a non-empty string");
      }
      return WorkloadEntry.text(text.asText());
    }
    if (input == null) {
      throw new WorkloadException(
          where + "expected a \"text\" string or an \"input\" array of strings");
    }
    if (input.isTextual() && !input.asText().isEmpty()) {
      return new WorkloadEntry(List.of(input.asText()), true);
    }
    if (!input.isArray() || input.isEmpty()) {
      throw new WorkloadException(
          where + "\"input\" must be a non-empty string or a non-empty array of strings");
    }
    List<String> inputs = new ArrayList<>();
    for (int j = 0; j < input.size(); j++) {
      JsonNode item = input.get(j);
      if (!item.isTextual() || item.asText().isEmpty()) {
        throw new WorkloadException(where + "\"input\"[" + j + "] must be a non-empty string");
      }
      inputs.add(item.asText());
    }
    return new WorkloadEntry(inputs, true);
  }
}
