package dev.embedbench.loadgen.record;

import java.util.Map;
import java.util.TreeMap;

/**
 * Request counts at one moment. Every scheduled request is sent or not sent; every sent one ends
 * ok, failed (by class), or is still in flight.
 *
 * @param failures failed requests by class: {@code http_<status>}, {@code timeout}, {@code
 *     connection_refused}, {@code connection_reset}, {@code invalid_body}, {@code abandoned},
 *     {@code other}
 */
public record Counts(
    long sent, long notSent, long ok, long inputsOk, long tokensOk, Map<String, Long> failures) {

  public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, Map.of());

  public Counts {
    failures = Map.copyOf(new TreeMap<>(failures));
    if (sent < 0 || notSent < 0 || ok < 0 || inputsOk < 0 || tokensOk < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
  }

  /** Every request the schedule reached: sent, or counted as not sent. */
  public long scheduled() {
    return sent + notSent;
  }

  public long failed() {
    return failures.values().stream().mapToLong(Long::longValue).sum();
  }

  public long completed() {
    return ok + failed();
  }

  public long inFlight() {
    return Math.max(0, sent - completed());
  }

  /** The counts of the interval that ends with this snapshot and began with {@code earlier}. */
  public Counts minus(Counts earlier) {
    Map<String, Long> delta = new TreeMap<>();
    failures.forEach(
        (key, value) -> {
          long diff = value - earlier.failures.getOrDefault(key, 0L);
          if (diff != 0) {
            delta.put(key, diff);
          }
        });
    return new Counts(
        sent - earlier.sent,
        notSent - earlier.notSent,
        ok - earlier.ok,
        inputsOk - earlier.inputsOk,
        tokensOk - earlier.tokensOk,
        delta);
  }

  /** These counts with the in-flight requests counted as failed with {@code failureClass}. */
  public Counts withInFlightAs(String failureClass) {
    long inFlight = inFlight();
    if (inFlight == 0) {
      return this;
    }
    Map<String, Long> withAbandoned = new TreeMap<>(failures);
    withAbandoned.merge(failureClass, inFlight, Long::sum);
    return new Counts(sent, notSent, ok, inputsOk, tokensOk, withAbandoned);
  }
}
