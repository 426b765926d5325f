package dev.embedbench.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses a YAML or JSON file into a {@link ConfigNode}; a missing, unreadable, malformed or empty
 * file is an error for the whole file (empty key).
 */
public final class ConfigFiles {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfigFiles() {}

  /** The mapper for JSON files that a module both writes and reads back through this reader. */
  public static ObjectMapper json() {
    return JSON;
  }

  /** Reads a file: JSON when its name ends in {@code .json}, YAML otherwise. */
  public static ConfigNode read(Path file, ConfigErrors errors) {
    if (!Files.isRegularFile(file)) {
      throw errors.error(file, "", "does not exist");
    }
    boolean json = file.getFileName().toString().endsWith(".json");
    try (InputStream in = Files.newInputStream(file)) {
      return parse(file, in, json, errors);
    } catch (IOException e) {
      throw errors.error(file, "", "cannot be read: " + e.getMessage());
    }
  }

  /**
   * Reads a YAML document bundled on the class path; errors name it {@code classpath:<resource>}.
   */
  public static ConfigNode readResource(String resource, ConfigErrors errors) {
    Path name = Path.of("classpath:" + resource);
    InputStream in = ConfigFiles.class.getResourceAsStream(resource);
    if (in == null) {
      throw errors.error(name, "", "is not bundled in this build");
    }
    try (in) {
      return parse(name, in, false, errors);
    } catch (IOException e) {
      throw errors.error(name, "", "cannot be read: " + e.getMessage());
    }
  }

  private static ConfigNode parse(Path file, InputStream in, boolean json, ConfigErrors errors)
      throws IOException {
    JsonNode root;
    try {
      root = (json ? JSON : YAML).readTree(in);
    } catch (JacksonException e) {
      throw errors.error(
          file,
          "",
          (json ? "not valid JSON: " : "not valid YAML: ")
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw errors.error(file, "", "is empty");
    }
    return new ConfigNode(file, "", root, errors);
  }
}
