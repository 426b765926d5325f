package dev.embedbench.backends.qwen3.checkpoint;

import java.nio.file.Path;

/** A model directory that cannot be loaded; the message names the file and the problem. */
public final class CheckpointException extends RuntimeException {

  private final Path file;

  public CheckpointException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public CheckpointException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The file at fault (or the directory, when a whole file is missing from it). */
  public Path file() {
    return file;
  }
}
