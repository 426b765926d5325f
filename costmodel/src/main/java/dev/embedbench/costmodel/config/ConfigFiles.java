package dev.embedbench.costmodel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Parses YAML and JSON files into {@link ConfigNode} trees; parse failures become {@link
 * ConfigException}s.
 */
public final class ConfigFiles {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfigFiles() {}

  /** Reads a YAML file (JSON is valid YAML, so this reads both). */
  public static ConfigNode read(Path file) {
    String name = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      return parse(name, in, name.endsWith(".json") ? JSON : YAML);
    } catch (NoSuchFileException e) {
      throw new ConfigException(name, "(file)", "does not exist", e);
    } catch (IOException e) {
      throw new ConfigException(name, "(file)", "cannot be read: " + e.getMessage(), e);
    }
  }

  /** Reads a YAML document bundled on the class path, named {@code name} in errors. */
  public static ConfigNode readResource(String resource) {
    InputStream in = ConfigFiles.class.getResourceAsStream(resource);
    String name = "classpath:" + resource;
    if (in == null) {
      throw new ConfigException(name, "(file)", "is not bundled in this build");
    }
    try (in) {
      return parse(name, in, YAML);
    } catch (IOException e) {
      throw new ConfigException(name, "(file)", "cannot be read: " + e.getMessage(), e);
    }
  }

  private static ConfigNode parse(String name, InputStream in, ObjectMapper mapper)
      throws IOException {
    JsonNode root;
    try {
      root = mapper.readTree(in);
    } catch (IOException e) {
      throw new ConfigException(
          name,
          "(document)",
          "is not valid YAML/JSON: " + e.getMessage().lines().findFirst().orElse(""),
          e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException(name, "(document)", "is empty");
    }
    return new ConfigNode(name, "", root);
  }
}
