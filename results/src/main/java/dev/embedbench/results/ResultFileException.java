package dev.embedbench.results;

import java.nio.file.Path;

/**
 * A result file could not be read; the message names the file, the key where known, and the reason.
 */
public final class ResultFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ResultFileException(String message) {
    super(message);
  }

  public ResultFileException(String message, Throwable cause) {
    super(message, cause);
  }

  static ResultFileException at(Path file, String key, String reason) {
    return new ResultFileException(
        file + (key.isEmpty() ? "" : ": key '" + key + "'") + ": " + reason);
  }
}
