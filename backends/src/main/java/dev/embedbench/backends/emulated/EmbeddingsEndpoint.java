package dev.embedbench.backends.emulated;

import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.MatryoshkaRange;
import dev.embedbench.backends.TokenEstimator;
import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.backends.wire.EmbeddingsResponse;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /v1/embeddings}: validates like a model server would (model name, token limit,
 * Matryoshka size), waits for the scheduler, then answers with deterministic vectors. Failures are
 * thrown or passed to {@code ctx.fail} and rendered by {@link ErrorResponder}.
 */
final class EmbeddingsEndpoint implements Handler<RoutingContext> {

  /** Above this many floats, vectors are made on a worker so the event loop stays responsive. */
  private static final int INLINE_FLOATS = 64 * 1024;

  private final EmulatorProfile profile;
  private final BatchScheduler scheduler;
  private final FailureInjector failures;
  private final DeterministicVectors vectors;

  EmbeddingsEndpoint(EmulatorProfile profile, BatchScheduler scheduler, FailureInjector failures) {
    this.profile = profile;
    this.scheduler = scheduler;
    this.failures = failures;
    this.vectors = new DeterministicVectors(profile.model(), profile.dimensions());
  }

  @Override
  public void handle(RoutingContext ctx) {
    long remainingStartNanos = failures.remainingStartNanos(System.nanoTime());
    if (remainingStartNanos > 0) {
      throw new ApiException(
          new ApiError(
              503,
              "The emulated model is still loading (failures.slow_start).",
              "server_error",
              null,
              "model_loading"),
          Duration.ofNanos(remainingStartNanos));
    }
    Buffer body = ctx.body().buffer();
    EmbeddingsRequest request =
        EmbeddingsRequest.parse(body == null ? new byte[0] : body.getBytes());
    checkModel(request.model());
    int dimensions = dimensions(request.dimensions());
    int tokens = countTokens(request.inputs());
    scheduler
        .submit(tokens)
        .onComplete(
            served -> {
              if (served.failed()) {
                ctx.fail(served.cause());
              } else if (!ctx.response().closed()) {
                respond(ctx, request, tokens, dimensions);
              }
            });
  }

  private void respond(RoutingContext ctx, EmbeddingsRequest request, int tokens, int dimensions) {
    if ((long) request.inputs().size() * profile.dimensions() <= INLINE_FLOATS) {
      send(ctx, encode(request, tokens, dimensions));
    } else {
      ctx.vertx()
          .executeBlocking(() -> encode(request, tokens, dimensions), false)
          .onSuccess(bytes -> send(ctx, bytes))
          .onFailure(ctx::fail);
    }
  }

  private byte[] encode(EmbeddingsRequest request, int tokens, int dimensions) {
    List<float[]> out = new ArrayList<>(request.inputs().size());
    for (EmbeddingInput input : request.inputs()) {
      out.add(DeterministicVectors.truncate(vectors.vector(input), dimensions));
    }
    return new EmbeddingsResponse(profile.model(), out, tokens).encode(request.encodingFormat());
  }

  private static void send(RoutingContext ctx, byte[] bytes) {
    if (!ctx.response().closed()) {
      ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(bytes));
    }
  }

  /**
   * Accepts the model's name, the profile's name, or a hub-style {@code org/Model}, in any case.
   */
  private void checkModel(String requested) {
    String lower = requested.toLowerCase(Locale.ROOT);
    String model = profile.model().toLowerCase(Locale.ROOT);
    if (!lower.equals(model) && !lower.equals(profile.name()) && !lower.endsWith("/" + model)) {
      throw new ApiException(ApiError.modelNotFound(requested));
    }
  }

  private int dimensions(Integer requested) {
    if (requested == null || requested == profile.dimensions()) {
      return profile.dimensions();
    }
    MatryoshkaRange range = profile.matryoshka();
    if (range == null) {
      throw ApiException.invalid(
          "Model "
              + profile.model()
              + " does not support 'dimensions'; it"
              + " always returns "
              + profile.dimensions()
              + ".",
          "dimensions");
    }
    if (!range.contains(requested)) {
      throw ApiException.invalid(
          "'dimensions' must be between "
              + range.minDimensions()
              + " and "
              + range.maxDimensions()
              + " for "
              + profile.model()
              + ", was "
              + requested
              + ".",
          "dimensions");
    }
    return requested;
  }

  private int countTokens(List<EmbeddingInput> inputs) {
    int total = 0;
    for (int i = 0; i < inputs.size(); i++) {
      int tokens = TokenEstimator.estimate(inputs.get(i));
      if (tokens > profile.maxInputTokens()) {
        throw ApiException.invalid(
            "Input "
                + i
                + " has about "
                + tokens
                + " tokens, over the"
                + " model's limit of "
                + profile.maxInputTokens()
                + ".",
            "input");
      }
      total += tokens;
    }
    return total;
  }
}
