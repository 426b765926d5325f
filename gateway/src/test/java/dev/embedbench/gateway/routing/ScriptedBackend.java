package dev.embedbench.gateway.routing;

import dev.embedbench.backends.EmbeddingBackend;
import dev.embedbench.backends.EmbeddingBatch;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.EmbeddingResult;
import dev.embedbench.backends.ModelInfo;
import dev.embedbench.backends.TokenEstimator;
import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A backend whose answers a test scripts: deterministic vectors, failures, delays, hangs and
 * readiness, recording every batch it was sent.
 */
final class ScriptedBackend implements EmbeddingBackend {

  /** How the backend answers one batch. */
  @FunctionalInterface
  interface Behaviour {
    Future<EmbeddingResult> answer(ScriptedBackend backend, EmbeddingBatch batch);
  }

  private final ModelInfo info;
  private volatile boolean ready = true;
  private volatile Behaviour behaviour = ScriptedBackend::vectors;
  private volatile boolean closed;
  final List<EmbeddingBatch> calls = new CopyOnWriteArrayList<>();

  /** An answer held back by {@link #hang}. */
  record Held(EmbeddingBatch batch, Promise<EmbeddingResult> answer) {}

  /** Answers held back by {@link #hang}, completable by the test. */
  final List<Held> pending = new CopyOnWriteArrayList<>();

  ScriptedBackend(ModelInfo info) {
    this.info = info;
  }

  ScriptedBackend behave(Behaviour newBehaviour) {
    this.behaviour = newBehaviour;
    return this;
  }

  void ready(boolean isReady) {
    this.ready = isReady;
  }

  boolean closed() {
    return closed;
  }

  /** Unit vector of the model's length derived from the input, the same for the same input. */
  static float[] vectorFor(EmbeddingInput input, int dimensions) {
    SplittableRandom random = new SplittableRandom(input.hashCode());
    float[] v = new float[dimensions];
    double sum = 0;
    for (int i = 0; i < dimensions; i++) {
      v[i] = (float) (random.nextDouble() * 2 - 1);
      sum += v[i] * v[i];
    }
    for (int i = 0; i < dimensions; i++) {
      v[i] /= (float) Math.sqrt(sum);
    }
    return v;
  }

  static Future<EmbeddingResult> vectors(ScriptedBackend backend, EmbeddingBatch batch) {
    List<float[]> vectors = new ArrayList<>();
    int tokens = 0;
    for (EmbeddingInput input : batch.inputs()) {
      vectors.add(vectorFor(input, backend.info.dimensions()));
      tokens += TokenEstimator.estimate(input);
    }
    return Future.succeededFuture(new EmbeddingResult(vectors, tokens));
  }

  static Behaviour failing(ApiError error) {
    return (backend, batch) -> Future.failedFuture(new ApiException(error));
  }

  static Behaviour delayed(Vertx vertx, long millis) {
    return (backend, batch) -> {
      Promise<EmbeddingResult> promise = Promise.promise();
      vertx.setTimer(millis, id -> vectors(backend, batch).onComplete(promise));
      return promise.future();
    };
  }

  /** Never answers until the test completes {@link #pending}. */
  static Future<EmbeddingResult> hang(ScriptedBackend backend, EmbeddingBatch batch) {
    Promise<EmbeddingResult> promise = Promise.promise();
    backend.pending.add(new Held(batch, promise));
    return promise.future();
  }

  /** Completes every held-back answer with proper vectors. */
  void releasePending() {
    for (Held held : pending) {
      vectors(this, held.batch()).onSuccess(held.answer()::tryComplete);
    }
    pending.clear();
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public Future<Void> start() {
    return Future.succeededFuture();
  }

  @Override
  public boolean ready() {
    return ready;
  }

  @Override
  public Future<EmbeddingResult> embed(EmbeddingBatch batch) {
    calls.add(batch);
    return behaviour.answer(this, batch);
  }

  @Override
  public void close() {
    closed = true;
  }
}
