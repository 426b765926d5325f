package dev.embedbench.costmodel.config;

import java.util.Objects;

/** A configuration file that cannot be used, with the file, the key and the reason. */
public final class ConfigException extends RuntimeException {

  private final String file;
  private final String key;
  private final String reason;

  public ConfigException(String file, String key, String reason) {
    this(file, key, reason, null);
  }

  public ConfigException(String file, String key, String reason, Throwable cause) {
    super(
        Objects.requireNonNull(file, "file")
            + ": "
            + Objects.requireNonNull(key, "key")
            + ": "
            + Objects.requireNonNull(reason, "reason"),
        cause);
    this.file = file;
    this.key = key;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  public String key() {
    return key;
  }

  public String reason() {
    return reason;
  }
}
