package dev.embedbench.costmodel.capacity;

import java.util.Objects;
import java.util.Optional;

/**
 * The capacity a load-generator result file shows.
 *
 * @param requestsPerSec the highest request rate that met the SLO (sweep; the median when the final
 *     search was repeated), or the achieved rate of a run that met it (summary)
 * @param minRequestsPerSec the lowest of the repeated measurements ({@code requestsPerSec} when
 *     measured once)
 * @param maxRequestsPerSec the highest of the repeated measurements
 * @param repeats how many times the capacity was measured (1 for a single sweep or run)
 * @param bound whether a failing rate or a saturation measurement sits above {@code requestsPerSec}
 * @param upperBracketRequestsPerSec the lowest rate known to fail (or the saturation throughput),
 *     or null when {@code bound} is {@link CapacityBound#LOWER_BOUND}
 * @param meanTokensPerInput tokens per input the capacity was measured at, or null when the file
 *     does not say
 * @param inputsPerRequest texts per request in the measured workload, or null when the file does
 *     not say
 * @param backendKind what was measured: {@code in-process}, {@code remote}, {@code emulated}, or
 *     {@code unstated} when the file does not say
 * @param model the model name the file records, or null
 * @param fromSweep true for a sweep's highest passing rate, false for one run's achieved rate
 * @param basis how the figure was picked, for tables
 * @param file the file read
 */
public record MeasuredCapacity(
    double requestsPerSec,
    double minRequestsPerSec,
    double maxRequestsPerSec,
    int repeats,
    CapacityBound bound,
    Double upperBracketRequestsPerSec,
    Double meanTokensPerInput,
    Double inputsPerRequest,
    String backendKind,
    String model,
    boolean fromSweep,
    String basis,
    String file) {

  public MeasuredCapacity {
    Objects.requireNonNull(bound, "bound");
    Objects.requireNonNull(backendKind, "backendKind");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(file, "file");
    if (!(requestsPerSec > 0)) {
      throw new IllegalArgumentException("requestsPerSec must be > 0, was " + requestsPerSec);
    }
    if (!(minRequestsPerSec <= requestsPerSec && requestsPerSec <= maxRequestsPerSec)) {
      throw new IllegalArgumentException(
          "requestsPerSec must lie in [minRequestsPerSec, maxRequestsPerSec], was "
              + requestsPerSec
              + " in ["
              + minRequestsPerSec
              + ", "
              + maxRequestsPerSec
              + "]");
    }
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be >= 1, was " + repeats);
    }
    if ((bound == CapacityBound.BRACKETED) != (upperBracketRequestsPerSec != null)) {
      throw new IllegalArgumentException(
          "upperBracketRequestsPerSec is given exactly when bound is BRACKETED");
    }
    if (meanTokensPerInput != null && !(meanTokensPerInput > 0)) {
      throw new IllegalArgumentException(
          "meanTokensPerInput must be > 0, was " + meanTokensPerInput);
    }
  }

  /** One measurement: no spread. */
  public static MeasuredCapacity single(
      double requestsPerSec,
      CapacityBound bound,
      Double upperBracketRequestsPerSec,
      Double meanTokensPerInput,
      Double inputsPerRequest,
      String backendKind,
      String model,
      boolean fromSweep,
      String basis,
      String file) {
    return new MeasuredCapacity(
        requestsPerSec,
        requestsPerSec,
        requestsPerSec,
        1,
        bound,
        upperBracketRequestsPerSec,
        meanTokensPerInput,
        inputsPerRequest,
        backendKind,
        model,
        fromSweep,
        basis,
        file);
  }

  /** The same measurement, picked as {@code newBasis} says. */
  public MeasuredCapacity withBasis(String newBasis) {
    return new MeasuredCapacity(
        requestsPerSec,
        minRequestsPerSec,
        maxRequestsPerSec,
        repeats,
        bound,
        upperBracketRequestsPerSec,
        meanTokensPerInput,
        inputsPerRequest,
        backendKind,
        model,
        fromSweep,
        newBasis,
        file);
  }

  public boolean lowerBoundOnly() {
    return bound == CapacityBound.LOWER_BOUND;
  }

  public Optional<String> modelName() {
    return Optional.ofNullable(model);
  }
}
