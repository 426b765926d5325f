package dev.embedbench.backends.emulated;

import java.nio.file.Path;

/** A profile file that cannot be used: names the file, the key and the reason. */
public final class ProfileException extends IllegalArgumentException {

  private final Path file;
  private final String key;
  private final String reason;

  public ProfileException(Path file, String key, String reason) {
    super(file + (key == null ? "" : ": key '" + key + "'") + ": " + reason);
    this.file = file;
    this.key = key;
    this.reason = reason;
  }

  public Path file() {
    return file;
  }

  /** The dotted key at fault, such as {@code service_time.cv}, or null for the whole file. */
  public String key() {
    return key;
  }

  public String reason() {
    return reason;
  }
}
