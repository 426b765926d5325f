package dev.embedbench.gateway.routing.shadow;

import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.gateway.config.ShadowConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Mirrors a sampled share of a route's requests to a shadow and records how the shadow did, apart
 * from the client's answer: the shadow runs beside the primary call, nothing waits for it, its
 * failures are only counted, and when {@code maxConcurrency} shadow calls are already running a new
 * one is dropped rather than queued. Cosine agreement is recorded when both answers come from the
 * same embedding space.
 */
public final class ShadowMirror {

  /** The {@code outcome} tag values. */
  static final String SUCCESS = "success";

  static final String ERROR = "error";
  static final String TIMEOUT = "timeout";
  static final String DROPPED = "dropped";

  private final ShadowConfig config;
  private final boolean sameSpace;
  private final Vertx vertx;
  private final RandomGenerator random;
  private final LongSupplier nanoClock;
  private final AtomicInteger inflight = new AtomicInteger();
  private final Map<String, Counter> requests = new HashMap<>();
  private final Map<String, Timer> latency = new HashMap<>();
  private final DistributionSummary cosine;
  private final List<Meter> meters = new ArrayList<>();

  /**
   * @param route the primary route's name
   * @param sameSpace whether the shadow's vectors are comparable with the primary's
   */
  public ShadowMirror(
      String route,
      ShadowConfig config,
      boolean sameSpace,
      Vertx vertx,
      MeterRegistry registry,
      RandomGenerator random,
      LongSupplier nanoClock) {
    this.config = config;
    this.sameSpace = sameSpace;
    this.vertx = vertx;
    this.random = random;
    this.nanoClock = nanoClock;
    for (String outcome : List.of(SUCCESS, ERROR, TIMEOUT, DROPPED)) {
      Counter counter =
          Counter.builder("embedbench.shadow.requests")
              .description(
                  "Shadow requests by outcome; dropped means shadow concurrency was saturated")
              .tags("route", route, "shadow", config.name(), "outcome", outcome)
              .register(registry);
      requests.put(outcome, counter);
      meters.add(counter);
      if (!outcome.equals(DROPPED)) {
        Timer timer =
            Timer.builder("embedbench.shadow.latency")
                .description("Shadow request latency, recorded apart from the client's")
                .tags("route", route, "shadow", config.name(), "outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
        latency.put(outcome, timer);
        meters.add(timer);
      }
    }
    this.cosine =
        DistributionSummary.builder("embedbench.shadow.cosine")
            .description("Mean cosine similarity between primary and shadow vectors of one request")
            .tags("route", route, "shadow", config.name())
            .register(registry);
    meters.add(cosine);
  }

  public List<Meter> meters() {
    return meters;
  }

  /**
   * Samples this request and, if chosen and a slot is free, starts the shadow call. Returns at
   * once; never throws, and nothing it does reaches {@code primary}'s callers.
   *
   * @param shadowCall starts the shadow request; its vectors are compared with the primary's
   * @param primary the client's answer: full vectors before truncation
   */
  public void maybeMirror(
      Supplier<Future<List<float[]>>> shadowCall, Future<List<float[]>> primary) {
    if (config.fraction() <= 0 || random.nextDouble() >= config.fraction()) {
      return;
    }
    int now;
    do {
      now = inflight.get();
      if (now >= config.maxConcurrency()) {
        requests.get(DROPPED).increment();
        return;
      }
    } while (!inflight.compareAndSet(now, now + 1));
    long startNanos = nanoClock.getAsLong();
    AtomicBoolean recorded = new AtomicBoolean();
    Future<List<float[]>> call;
    try {
      call = shadowCall.get();
    } catch (RuntimeException e) {
      call = Future.failedFuture(e);
    }
    long timerId =
        vertx.setTimer(
            Math.max(1, config.timeout().toMillis()), id -> record(recorded, TIMEOUT, startNanos));
    // The slot is held until the shadow has really finished, so a hung shadow stops new ones.
    call.onComplete(
        done -> {
          inflight.decrementAndGet();
          vertx.cancelTimer(timerId);
          if (done.failed()) {
            record(recorded, isTimeout(done.cause()) ? TIMEOUT : ERROR, startNanos);
            return;
          }
          if (!record(recorded, SUCCESS, startNanos) || !sameSpace) {
            return;
          }
          List<float[]> shadowVectors = done.result();
          primary.onSuccess(
              primaryVectors -> {
                double agreement = CosineAgreement.mean(primaryVectors, shadowVectors);
                if (!Double.isNaN(agreement)) {
                  cosine.record(agreement);
                }
              });
        });
  }

  private boolean record(AtomicBoolean recorded, String outcome, long startNanos) {
    if (!recorded.compareAndSet(false, true)) {
      return false;
    }
    requests.get(outcome).increment();
    latency.get(outcome).record(nanoClock.getAsLong() - startNanos, TimeUnit.NANOSECONDS);
    return true;
  }

  private static boolean isTimeout(Throwable failure) {
    return failure instanceof ApiException api && api.error().httpStatus() == 504;
  }
}
