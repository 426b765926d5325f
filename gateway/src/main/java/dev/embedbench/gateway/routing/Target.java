package dev.embedbench.gateway.routing;

import dev.embedbench.backends.EmbeddingBackend;
import dev.embedbench.backends.EmbeddingBatch;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.EmbeddingResult;
import dev.embedbench.backends.ModelInfo;
import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.Base64Text;
import dev.embedbench.backends.wire.Base64Vectors;
import dev.embedbench.gateway.config.TargetConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A target at run time: its backend, the limits the gateway keeps for it (concurrency, timeout,
 * batch size) and its circuit breaker. One attempt of a request is {@link #tryAcquire} then {@link
 * #call}; the in-flight slot is held until the backend has really finished, so a slow target's
 * pending work keeps counting against its limit even after the gateway gave up on it.
 */
final class Target {

  private static final Logger LOG = LoggerFactory.getLogger(Target.class);

  /** Why a target cannot take a request now; decides between 429 and 503 when none can. */
  enum Availability {
    AVAILABLE,
    NOT_READY,
    CIRCUIT_OPEN,
    FULL
  }

  /**
   * A target's vectors for a whole request, in input order, and the tokens it reported.
   *
   * @param base64 each vector's base64 text as the upstream sent it, or null unless every batch
   *     brought all of them
   */
  record Answer(Target target, List<float[]> vectors, int promptTokens, List<Base64Text> base64) {}

  private final TargetConfig config;
  private final EmbeddingBackend backend;
  private final ModelInfo info;
  private final CircuitBreaker breaker;
  private final Vertx vertx;
  private final LongSupplier nanoClock;
  private final AtomicInteger inflight = new AtomicInteger();
  private final Map<AttemptOutcome, Timer> latency = new EnumMap<>(AttemptOutcome.class);
  private final List<Meter> meters = new ArrayList<>();

  Target(
      TargetConfig config,
      EmbeddingBackend backend,
      String routeName,
      Vertx vertx,
      MeterRegistry registry,
      LongSupplier nanoClock) {
    this.config = config;
    this.backend = backend;
    this.info = backend.info();
    this.vertx = vertx;
    this.nanoClock = nanoClock;
    this.breaker = new CircuitBreaker(config.circuitBreaker(), nanoClock);
    for (AttemptOutcome outcome : AttemptOutcome.values()) {
      Timer timer =
          Timer.builder("embedbench.upstream.latency")
              .description("One upstream attempt, split batches included, as the gateway saw it")
              .tags(
                  "model",
                  routeName,
                  "target",
                  config.name(),
                  "outcome",
                  outcome.tag(),
                  "kind",
                  info.kind().label())
              .publishPercentileHistogram()
              .register(registry);
      latency.put(outcome, timer);
      meters.add(timer);
    }
    meters.add(
        Gauge.builder("embedbench.target.inflight", inflight, AtomicInteger::get)
            .description("Gateway requests in flight to the target")
            .tags("target", config.name(), "kind", info.kind().label())
            .register(registry));
    meters.add(
        Gauge.builder("embedbench.circuit.state", breaker, b -> b.state().gaugeValue())
            .description("Circuit breaker: 0 closed, 1 half-open, 2 open")
            .tags("target", config.name())
            .register(registry));
  }

  String name() {
    return config.name();
  }

  TargetConfig config() {
    return config;
  }

  ModelInfo info() {
    return info;
  }

  List<Meter> meters() {
    return meters;
  }

  Availability availability() {
    if (!backend.ready()) {
      return Availability.NOT_READY;
    }
    if (!breaker.wouldPermit()) {
      return Availability.CIRCUIT_OPEN;
    }
    if (inflight.get() >= config.maxConcurrency()) {
      return Availability.FULL;
    }
    return Availability.AVAILABLE;
  }

  /** Whether it could serve if it had room: ready, and its circuit not open. */
  boolean serviceable() {
    return backend.ready() && breaker.state() != CircuitState.OPEN;
  }

  /** Takes an in-flight slot and the breaker's permission; on true, {@link #call} must follow. */
  boolean tryAcquire() {
    if (!backend.ready()) {
      return false;
    }
    int now;
    do {
      now = inflight.get();
      if (now >= config.maxConcurrency()) {
        return false;
      }
    } while (!inflight.compareAndSet(now, now + 1));
    if (!breaker.tryAcquire()) {
      inflight.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Gives back a slot taken by {@link #tryAcquire} without calling. */
  void release() {
    inflight.decrementAndGet();
    breaker.onNeutral();
  }

  /**
   * Embeds {@code inputs}, split into batches within this target's limits, all sent at once and
   * reassembled in order. Fails with an {@link ApiException}: the backend's, 504 after the target's
   * timeout, or 502 when an answer has the wrong shape.
   */
  Future<Answer> call(List<EmbeddingInput> inputs) {
    return call(inputs, Promise.<Void>promise().future());
  }

  /** As {@link #call(List)}, cancelling the backend calls when {@code abandoned} completes. */
  Future<Answer> call(List<EmbeddingInput> inputs, Future<Void> abandoned) {
    long startNanos = nanoClock.getAsLong();
    List<List<EmbeddingInput>> batches =
        BatchSplitter.split(inputs, config.maxBatchInputs(), config.maxBatchTokens());
    List<Future<EmbeddingResult>> calls = new ArrayList<>(batches.size());
    for (List<EmbeddingInput> batch : batches) {
      calls.add(embedOne(batch, abandoned));
    }
    // One batch (the common case) needs no composite futures: its own future is both.
    boolean oneBatch = calls.size() == 1;
    Future<?> allSucceeded = oneBatch ? calls.get(0) : Future.all(calls);
    Future<?> allFinished = oneBatch ? calls.get(0) : Future.join(calls);
    // The slot is released only when every batch has really finished, not at the timeout; and
    // before the answer is delivered, so that the caller's next request sees it free.
    allFinished.onComplete(done -> inflight.decrementAndGet());
    Promise<Answer> answer = Promise.promise();
    long timerId =
        vertx.setTimer(
            Math.max(1, config.timeout().toMillis()),
            id ->
                answer.tryFail(
                    new ApiException(
                        ApiError.upstreamTimeout(
                            "Target "
                                + config.name()
                                + " did not answer within "
                                + config.timeout().toMillis()
                                + " ms."))));
    allSucceeded.onComplete(
        all -> {
          vertx.cancelTimer(timerId);
          if (all.succeeded()) {
            try {
              answer.tryComplete(assemble(batches, calls));
            } catch (ApiException e) {
              answer.tryFail(e);
            }
          } else {
            answer.tryFail(all.cause());
          }
        });
    return answer
        .future()
        .transform(
            result -> {
              ApiException failure =
                  result.succeeded() ? null : AttemptOutcome.asApiException(result.cause());
              if (failure != null && !(result.cause() instanceof ApiException)) {
                LOG.error("Target {} failed with a non-API error", config.name(), result.cause());
              }
              AttemptOutcome outcome =
                  failure == null ? AttemptOutcome.SUCCESS : AttemptOutcome.of(failure);
              latency.get(outcome).record(nanoClock.getAsLong() - startNanos, TimeUnit.NANOSECONDS);
              if (outcome.targetFailure()) {
                breaker.onFailure();
              } else if (outcome == AttemptOutcome.OVERLOADED
                  || outcome == AttemptOutcome.CLIENT_CLOSED) {
                breaker.onNeutral();
              } else {
                breaker.onSuccess();
              }
              return failure == null
                  ? Future.succeededFuture(result.result())
                  : Future.failedFuture(failure);
            });
  }

  private Future<EmbeddingResult> embedOne(List<EmbeddingInput> batch, Future<Void> abandoned) {
    try {
      return backend.embed(new EmbeddingBatch(batch), abandoned);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Answer assemble(List<List<EmbeddingInput>> batches, List<Future<EmbeddingResult>> calls) {
    List<Base64Text> base64 = new ArrayList<>();
    List<Base64Vectors> undecoded = new ArrayList<>();
    int promptTokens = 0;
    for (int b = 0; b < batches.size(); b++) {
      EmbeddingResult result = calls.get(b).result();
      if (base64 != null && result.base64() != null) {
        base64.addAll(result.base64());
      } else {
        base64 = null;
      }
      if (result.vectors().size() != batches.get(b).size()) {
        throw new ApiException(
            ApiError.upstream(
                "Target "
                    + config.name()
                    + " returned "
                    + result.vectors().size()
                    + " vectors for "
                    + batches.get(b).size()
                    + " inputs."));
      }
      if (result.vectors() instanceof Base64Vectors part) {
        // All of one length, checked by the parser: the length is compared without decoding.
        checkLength(part.dimensions());
        undecoded.add(part);
      } else {
        for (float[] vector : result.vectors()) {
          checkLength(vector == null ? 0 : vector.length);
        }
      }
      promptTokens += result.promptTokens();
    }
    if (undecoded.size() == batches.size()) {
      List<float[]> vectors =
          undecoded.size() == 1 ? undecoded.get(0) : Base64Vectors.concat(undecoded);
      return new Answer(this, vectors, promptTokens, base64);
    }
    List<float[]> vectors = new ArrayList<>();
    for (Future<EmbeddingResult> call : calls) {
      vectors.addAll(call.result().vectors());
    }
    return new Answer(this, vectors, promptTokens, base64);
  }

  private void checkLength(int length) {
    if (length != info.dimensions()) {
      throw new ApiException(
          ApiError.upstream(
              "Target "
                  + config.name()
                  + " returned a vector of "
                  + length
                  + " values; its model has "
                  + info.dimensions()
                  + "."));
    }
  }
}
