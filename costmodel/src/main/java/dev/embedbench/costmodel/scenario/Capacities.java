package dev.embedbench.costmodel.scenario;

import dev.embedbench.costmodel.capacity.MeasuredCapacity;
import dev.embedbench.costmodel.catalog.GpuPrice;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Turns each way of knowing a capacity into requests per second per replica, keeping its
 * provenance.
 */
public final class Capacities {

  private Capacities() {}

  public static Capacity statedRequests(double requestsPerSec, String source) {
    return Capacity.stated(
        requestsPerSec,
        CapacityKind.STATED_THROUGHPUT,
        fmt(requestsPerSec) + " requests/s per replica",
        source);
  }

  /** Inputs (texts) per second divided by the demand's inputs per request. */
  public static Capacity statedInputs(double inputsPerSec, Demand demand, String source) {
    return Capacity.stated(
        inputsPerSec / demand.inputsPerRequest(),
        CapacityKind.STATED_THROUGHPUT,
        fmt(inputsPerSec) + " inputs/s / " + fmt(demand.inputsPerRequest()) + " inputs per request",
        source);
  }

  /** Little's law: requests in flight = rate × time in system, so rate = concurrency / latency. */
  public static Capacity statedLatency(double latencyMillis, double concurrency, String source) {
    if (!(latencyMillis > 0) || !(concurrency > 0)) {
      throw new IllegalArgumentException("latency and concurrency must be > 0");
    }
    return Capacity.stated(
        concurrency * 1000.0 / latencyMillis,
        CapacityKind.STATED_LATENCY,
        fmt(concurrency) + " in flight / " + fmt(latencyMillis) + " ms mean latency (Little's law)",
        source);
  }

  /**
   * A cost per request at a price per hour implies the rate: price per second / cost per request.
   */
  public static Capacity statedCostPerRequest(
      double costPerRequestUsd, GpuPrice price, String source) {
    if (!(costPerRequestUsd > 0)) {
      throw new IllegalArgumentException("costPerRequestUsd must be > 0, was " + costPerRequestUsd);
    }
    double rate = price.pricePerGpuHourUsd() / 3600.0 / costPerRequestUsd;
    return Capacity.stated(
        rate,
        CapacityKind.STATED_COST_PER_REQUEST,
        "$"
            + fmt(price.pricePerGpuHourUsd())
            + "/h / 3600 / $"
            + fmt(costPerRequestUsd)
            + " per request",
        source);
  }

  /**
   * A load-generator figure; when the file records a different number of inputs per request than
   * the demand, the rate is converted through inputs per second.
   */
  public static Capacity measured(MeasuredCapacity m, Demand demand) {
    double factor = 1;
    String basis = m.basis();
    if (m.inputsPerRequest() != null && m.inputsPerRequest() != demand.inputsPerRequest()) {
      factor = m.inputsPerRequest() / demand.inputsPerRequest();
      basis +=
          ", "
              + fmt(m.requestsPerSec())
              + " requests/s × "
              + fmt(m.inputsPerRequest())
              + " inputs measured / "
              + fmt(demand.inputsPerRequest())
              + " inputs per request";
    }
    if (m.repeats() > 1) {
      basis +=
          ", median of "
              + m.repeats()
              + " ("
              + fmt(m.minRequestsPerSec())
              + "–"
              + fmt(m.maxRequestsPerSec())
              + ")";
    }
    if (m.lowerBoundOnly()) {
      basis += ", a lower bound: nothing above it failed";
    }
    return new Capacity(
        m.requestsPerSec() * factor,
        m.minRequestsPerSec() * factor,
        m.maxRequestsPerSec() * factor,
        m.repeats(),
        m.lowerBoundOnly(),
        m.meanTokensPerInput(),
        m.fromSweep() ? CapacityKind.MEASURED_SWEEP : CapacityKind.MEASURED_RUN,
        m.backendKind(),
        basis,
        m.file());
  }

  static String fmt(double v) {
    return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
