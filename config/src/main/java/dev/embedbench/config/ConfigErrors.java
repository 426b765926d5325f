package dev.embedbench.config;

import java.nio.file.Path;

/**
 * Makes the exception a module throws for a value it cannot use, so that a module keeps its own
 * error type (and callers catch what they always caught) while every message comes from one reader.
 */
@FunctionalInterface
public interface ConfigErrors {

  /** Throws {@link ConfigException}. */
  ConfigErrors DEFAULT = ConfigException::new;

  /**
   * @param file the file being read
   * @param key the dotted key path, such as {@code routes[0].timeout}; empty for the whole file
   * @param reason what is wrong, written to follow the key
   */
  RuntimeException error(Path file, String key, String reason);
}
