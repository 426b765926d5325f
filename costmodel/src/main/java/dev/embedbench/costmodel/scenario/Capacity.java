package dev.embedbench.costmodel.scenario;

import java.util.Objects;

/**
 * What one replica sustains, and where that figure comes from.
 *
 * @param requestsPerSecPerReplica requests per second one replica serves within the SLO
 * @param kind measured (sweep or run) or stated (throughput, latency, cost per request)
 * @param backendKind for measurements, the load generator's label of what it measured
 *     ({@code in-process}, {@code remote}, {@code emulated}, or {@code unstated}); null when stated
 * @param basis how the rate was obtained, in words with the figures (for tables)
 * @param source the file or citation it comes from
 */
public record Capacity(
    double requestsPerSecPerReplica,
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
    if (kind.measured() == (backendKind == null)) {
      throw new IllegalArgumentException(
          "backendKind must be given for measured capacities and only for them");
    }
  }

  /** {@code stated} or {@code measured (emulated)}: the label every table prints beside the figure. */
  public String provenance() {
    return kind.measured() ? "measured (" + backendKind + ")" : "stated";
  }

  public Capacity scaled(double factor) {
    return new Capacity(requestsPerSecPerReplica * factor, kind, backendKind, basis, source);
  }
}
