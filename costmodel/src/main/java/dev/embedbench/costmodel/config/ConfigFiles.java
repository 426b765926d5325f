package dev.embedbench.costmodel.config;

import dev.embedbench.config.ConfigErrors;
import dev.embedbench.config.ConfigNode;
import java.nio.file.Path;

/**
 * Reads the cost model's YAML and JSON files with the one reader, so that its errors are this
 * module's {@link ConfigException}; an error for the whole file has the key {@code (document)}.
 */
public final class ConfigFiles {

  public static final ConfigErrors ERRORS =
      (file, key, reason) ->
          new ConfigException(file.toString(), key.isEmpty() ? "(document)" : key, reason);

  private ConfigFiles() {}

  /** Reads a YAML file, or a JSON file when its name ends in {@code .json}. */
  public static ConfigNode read(Path file) {
    return dev.embedbench.config.ConfigFiles.read(file, ERRORS);
  }

  /** Reads a YAML document bundled on the class path, named {@code classpath:<resource>}. */
  public static ConfigNode readResource(String resource) {
    return dev.embedbench.config.ConfigFiles.readResource(resource, ERRORS);
  }
}
