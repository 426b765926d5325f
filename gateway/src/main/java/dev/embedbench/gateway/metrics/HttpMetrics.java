package dev.embedbench.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request-level meters of the gateway: requests by model, target, kind and status; whole-request
 * latency as a histogram; requests in flight; inputs and prompt tokens served. Tag values must come
 * from a bounded set (configured routes and targets, never raw client input).
 */
public final class HttpMetrics {

  private final MeterRegistry registry;
  private final AtomicInteger inFlight = new AtomicInteger();

  public HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("embedbench.requests.inflight", inFlight, AtomicInteger::get)
        .description("HTTP requests received and not yet answered")
        .register(registry);
  }

  public void requestStarted() {
    inFlight.incrementAndGet();
  }

  public int inFlight() {
    return inFlight.get();
  }

  /** Records one finished request; called once per request, whatever its outcome. */
  public void requestEnded(RequestRecord request) {
    inFlight.decrementAndGet();
    String status = Integer.toString(request.status());
    Counter.builder("embedbench.requests")
        .description("Embeddings API requests by model (route), target, kind and HTTP status")
        .tags("model", request.model(), "target", request.target(), "kind", request.kind(),
            "status", status)
        .register(registry)
        .increment();
    Timer.builder("embedbench.request.latency")
        .description("Whole-request latency, from the first handler to the response's end")
        .tags("model", request.model(), "status", status)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100_000))
        .maximumExpectedValue(Duration.ofSeconds(60))
        .register(registry)
        .record(request.latencyNanos(), TimeUnit.NANOSECONDS);
    if (request.inputs() > 0) {
      DistributionSummary.builder("embedbench.request.inputs")
          .description("Inputs per embeddings request served")
          .tags("model", request.model())
          .register(registry)
          .record(request.inputs());
      Counter.builder("embedbench.prompt.tokens")
          .description("Prompt tokens of the embeddings requests served")
          .tags("model", request.model())
          .register(registry)
          .increment(request.promptTokens());
    }
  }
}
