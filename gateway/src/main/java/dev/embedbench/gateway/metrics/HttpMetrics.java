package dev.embedbench.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request-level meters of the gateway: requests by model, target, kind and status; whole-request
 * latency as a histogram; requests in flight; inputs and prompt tokens served. Tag values must come
 * from a bounded set (configured routes and targets, never raw client input). Meters are looked up
 * once per label combination and cached, so recording costs a map lookup, not a registration.
 */
public final class HttpMetrics {

  private final MeterRegistry registry;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<OutcomeKey, OutcomeMeters> byOutcome = new ConcurrentHashMap<>();
  private final Map<String, ModelMeters> byModel = new ConcurrentHashMap<>();

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
    OutcomeKey key =
        new OutcomeKey(request.model(), request.target(), request.kind(), request.status());
    OutcomeMeters outcome = byOutcome.computeIfAbsent(key, this::outcomeMeters);
    outcome.requests().increment();
    outcome.latency().record(request.latencyNanos(), TimeUnit.NANOSECONDS);
    if (request.inputs() > 0) {
      ModelMeters model = byModel.computeIfAbsent(request.model(), this::modelMeters);
      model.inputs().record(request.inputs());
      model.promptTokens().increment(request.promptTokens());
    }
  }

  private OutcomeMeters outcomeMeters(OutcomeKey key) {
    String status = Integer.toString(key.status());
    Counter requests =
        Counter.builder("embedbench.requests")
            .description("Embeddings API requests by model (route), target, kind and HTTP status")
            .tags(
                "model", key.model(), "target", key.target(), "kind", key.kind(), "status", status)
            .register(registry);
    Timer latency =
        Timer.builder("embedbench.request.latency")
            .description("Whole-request latency, from the first handler to the response's end")
            .tags("model", key.model(), "status", status)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(100_000))
            .maximumExpectedValue(Duration.ofSeconds(60))
            .register(registry);
    return new OutcomeMeters(requests, latency);
  }

  private ModelMeters modelMeters(String model) {
    return new ModelMeters(
        DistributionSummary.builder("embedbench.request.inputs")
            .description("Inputs per embeddings request served")
            .tags("model", model)
            .register(registry),
        Counter.builder("embedbench.prompt.tokens")
            .description("Prompt tokens of the embeddings requests served")
            .tags("model", model)
            .register(registry));
  }

  private record OutcomeKey(String model, String target, String kind, int status) {}

  private record OutcomeMeters(Counter requests, Timer latency) {}

  private record ModelMeters(DistributionSummary inputs, Counter promptTokens) {}
}
