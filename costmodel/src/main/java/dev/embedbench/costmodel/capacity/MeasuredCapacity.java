package dev.embedbench.costmodel.capacity;

import java.util.Objects;
import java.util.Optional;

/**
 * The capacity a load-generator result file shows.
 *
 * @param requestsPerSec the highest request rate that met the SLO (sweep), or the achieved rate of a
 *     run that met it (summary)
 * @param inputsPerRequest texts per request in the measured workload, or null when the file does not say
 * @param backendKind what was measured: {@code in-process}, {@code remote}, {@code emulated}, or
 *     {@code unstated} when the file does not say
 * @param model the model name the file records, or null
 * @param fromSweep true for a sweep's highest passing rate, false for one run's achieved rate
 * @param basis how the figure was picked, for tables
 * @param file the file read
 */
public record MeasuredCapacity(
    double requestsPerSec,
    Double inputsPerRequest,
    String backendKind,
    String model,
    boolean fromSweep,
    String basis,
    String file) {

  public MeasuredCapacity {
    Objects.requireNonNull(backendKind, "backendKind");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(file, "file");
    if (!(requestsPerSec > 0)) {
      throw new IllegalArgumentException("requestsPerSec must be > 0, was " + requestsPerSec);
    }
  }

  public Optional<String> modelName() {
    return Optional.ofNullable(model);
  }
}
