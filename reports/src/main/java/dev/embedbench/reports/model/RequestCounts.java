package dev.embedbench.reports.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * What happened to every scheduled request.
 *
 * @param failedByClass failures by error class (HTTP status, timeout, connection refused...),
 *     sorted by class
 */
public record RequestCounts(
    long scheduled, long ok, Map<String, Long> failedByClass, long notSent) {

  public RequestCounts {
    failedByClass = Map.copyOf(new TreeMap<>(failedByClass));
    if (scheduled < 0 || ok < 0 || notSent < 0) {
      throw new IllegalArgumentException(
          "request counts must be >= 0; got scheduled="
              + scheduled
              + ", ok="
              + ok
              + ", notSent="
              + notSent);
    }
    failedByClass.forEach(
        (errorClass, count) -> {
          if (count < 0) {
            throw new IllegalArgumentException(
                "failed count for " + errorClass + " must be >= 0; got " + count);
          }
        });
  }

  public long failed() {
    return failedByClass.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Failed over sent (ok + failed), 0 when nothing was sent: the load generator's {@code
   * error_rate}, which its sweeps hold to the SLO. Requests not sent are reported apart, as the
   * generator's own shortfall.
   */
  public double errorFraction() {
    long sent = ok + failed();
    return sent == 0 ? 0 : (double) failed() / sent;
  }

  public RequestCounts plus(RequestCounts other) {
    Map<String, Long> merged = new TreeMap<>(failedByClass);
    other.failedByClass.forEach((errorClass, count) -> merged.merge(errorClass, count, Long::sum));
    return new RequestCounts(
        scheduled + other.scheduled, ok + other.ok, merged, notSent + other.notSent);
  }
}
