package dev.embedbench.reports.read;

import java.nio.file.Path;

/**
 * A run directory could not be read; the message names the file, the key where known, and the
 * reason.
 */
public final class RunDirectoryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RunDirectoryException(String message) {
    super(message);
  }

  public RunDirectoryException(String message, Throwable cause) {
    super(message, cause);
  }

  static RunDirectoryException at(Path file, String key, String reason) {
    return new RunDirectoryException(
        file + (key.isEmpty() ? "" : ": key '" + key + "'") + ": " + reason);
  }
}
