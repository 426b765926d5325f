package dev.embedbench.gateway.http;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.TokenEstimator;
import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.backends.wire.EmbeddingsResponse;
import dev.embedbench.gateway.routing.EmbeddingsOutcome;
import dev.embedbench.gateway.routing.ModelListing;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Stands in for the routing layer in HTTP-layer tests: one emulated model whose vectors are derived
 * from each input's text, and a replaceable behaviour for failure cases.
 */
final class FakeEmbeddingService implements EmbeddingService {

  static final String MODEL = "fake-embed";
  static final int DIMENSIONS = 1024;

  volatile Function<EmbeddingsRequest, Future<EmbeddingsOutcome>> behaviour =
      FakeEmbeddingService::answer;
  volatile boolean ready = true;
  final AtomicBoolean closed = new AtomicBoolean();

  @Override
  public Future<EmbeddingsOutcome> embed(EmbeddingsRequest request) {
    return behaviour.apply(request);
  }

  @Override
  public List<ModelListing> models() {
    return List.of(
        new ModelListing(
            MODEL,
            List.of("fake-alias"),
            1_764_000_000L,
            "embedbench-tests",
            DIMENSIONS,
            512,
            BackendKind.EMULATED));
  }

  @Override
  public boolean ready() {
    return ready;
  }

  @Override
  public Future<Void> close() {
    closed.set(true);
    return Future.succeededFuture();
  }

  static Future<EmbeddingsOutcome> answer(EmbeddingsRequest request) {
    List<float[]> vectors = new ArrayList<>();
    int tokens = 0;
    for (EmbeddingInput input : request.inputs()) {
      vectors.add(vectorOf(((EmbeddingInput.Text) input).text()));
      tokens += TokenEstimator.estimate(input);
    }
    EmbeddingsResponse response = new EmbeddingsResponse(request.model(), vectors, tokens);
    return Future.succeededFuture(
        new EmbeddingsOutcome(
            response, MODEL, "fake-target", BackendKind.EMULATED, vectors.size(), tokens));
  }

  /**
   * Values that float text must carry exactly: tiny, huge, negative zero, subnormal, and random
   * fractions whose shortest decimal form is long.
   */
  static float[] vectorOf(String text) {
    Random random = new Random(text.hashCode());
    float[] vector = new float[DIMENSIONS];
    for (int i = 0; i < DIMENSIONS; i++) {
      vector[i] = (float) random.nextGaussian() / 32;
    }
    vector[0] = -0.0f;
    vector[1] = Float.MIN_VALUE;
    vector[2] = Float.MAX_VALUE;
    vector[3] = 1.0f / 3;
    vector[4] = 1.17549435E-38f / 3;
    return vector;
  }
}
