package dev.embedbench.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A configuration that cannot be used: names the file, the key path and the reason. The error that
 * {@link ConfigErrors#DEFAULT} makes; modules with an error type of their own pass theirs instead.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String key;
  private final String reason;

  /**
   * @param file the file at fault
   * @param key the key path, such as {@code routes[1].targets[0].weight}, or empty for the whole
   *     file
   * @param reason what is wrong and, where it helps, what would be right
   */
  public ConfigException(Path file, String key, String reason) {
    super(file + (key.isEmpty() ? "" : ": " + key) + ": " + reason);
    this.file = Objects.requireNonNull(file, "file");
    this.key = Objects.requireNonNull(key, "key");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Path file() {
    return file;
  }

  public String key() {
    return key;
  }

  public String reason() {
    return reason;
  }
}
