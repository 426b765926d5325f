package dev.embedbench.costmodel.scenario;

import java.util.Objects;

/**
 * What one replica sustains, and where that figure comes from.
 *
 * @param requestsPerSecPerReplica requests per second one replica serves within the SLO (the median
 *     when the measurement was repeated)
 * @param minRequestsPerSecPerReplica the lowest repeated measurement (the figure itself when
 *     measured once or stated)
 * @param maxRequestsPerSecPerReplica the highest repeated measurement
 * @param repeats how many measurements the figure is the median of (1 when stated)
 * @param lowerBoundOnly true when nothing above the figure failed: the capacity is this or more
 * @param tokensPerInput tokens per input the figure holds at, or null when its source does not say
 * @param kind measured (sweep or run) or stated (throughput, latency, cost per request)
 * @param backendKind for measurements, the load generator's label of what it measured ({@code
 *     in-process}, {@code remote}, {@code emulated}, or {@code unstated}); null when stated
 * @param basis how the rate was obtained, in words with the figures (for tables)
 * @param source the file or citation it comes from
 */
public record Capacity(
    double requestsPerSecPerReplica,
    double minRequestsPerSecPerReplica,
    double maxRequestsPerSecPerReplica,
    int repeats,
    boolean lowerBoundOnly,
    Double tokensPerInput,
    CapacityKind kind,
    String backendKind,
    String basis,
    String source) {

  public Capacity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(source, "source");
    if (!(requestsPerSecPerReplica > 0) || !Double.isFinite(requestsPerSecPerReplica)) {
      throw new IllegalArgumentException(
          "capacity must be > 0 requests/s per replica, was " + requestsPerSecPerReplica);
    }
    if (!(minRequestsPerSecPerReplica > 0
        && minRequestsPerSecPerReplica <= requestsPerSecPerReplica
        && requestsPerSecPerReplica <= maxRequestsPerSecPerReplica)) {
      throw new IllegalArgumentException(
          "capacity "
              + requestsPerSecPerReplica
              + " must lie in its range ["
              + minRequestsPerSecPerReplica
              + ", "
              + maxRequestsPerSecPerReplica
              + "]");
    }
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be >= 1, was " + repeats);
    }
    if (tokensPerInput != null && !(tokensPerInput > 0)) {
      throw new IllegalArgumentException("tokensPerInput must be > 0, was " + tokensPerInput);
    }
    if (kind.measured() == (backendKind == null)) {
      throw new IllegalArgumentException(
          "backendKind must be given for measured capacities and only for them");
    }
  }

  /** A stated figure: exact as stated, one value, at an unstated token length. */
  public static Capacity stated(
      double requestsPerSec, CapacityKind kind, String basis, String source) {
    return new Capacity(
        requestsPerSec, requestsPerSec, requestsPerSec, 1, false, null, kind, null, basis, source);
  }

  /**
   * {@code stated} or {@code measured (emulated)}: the label every table prints beside the figure.
   */
  public String provenance() {
    return kind.measured() ? "measured (" + backendKind + ")" : "stated";
  }

  /**
   * The same figure (and its range) multiplied by {@code factor}, with {@code why} added to its
   * basis.
   */
  public Capacity scaled(double factor, String why) {
    return new Capacity(
        requestsPerSecPerReplica * factor,
        minRequestsPerSecPerReplica * factor,
        maxRequestsPerSecPerReplica * factor,
        repeats,
        lowerBoundOnly,
        tokensPerInput,
        kind,
        backendKind,
        why == null ? basis : basis + "; " + why,
        source);
  }

  public Capacity scaled(double factor) {
    return scaled(factor, null);
  }

  /**
   * The figure restated at another token length (the caller applies and names the rescaling rule).
   */
  public Capacity atTokens(Double tokens) {
    return new Capacity(
        requestsPerSecPerReplica,
        minRequestsPerSecPerReplica,
        maxRequestsPerSecPerReplica,
        repeats,
        lowerBoundOnly,
        tokens,
        kind,
        backendKind,
        basis,
        source);
  }

  /** True when repeated measurements disagree. */
  public boolean hasSpread() {
    return maxRequestsPerSecPerReplica > minRequestsPerSecPerReplica;
  }
}
