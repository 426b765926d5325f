package dev.embedbench.loadgen.workload;

/**
 * A workload that cannot be used; the message names the file, the line when there is one, and the
 * rule.
 */
public final class WorkloadException extends RuntimeException {

  public WorkloadException(String message) {
    super(message);
  }

  public WorkloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
