package dev.embedbench.backends.remote;

import dev.embedbench.backends.EmbeddingBackend;
import dev.embedbench.backends.EmbeddingBatch;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.EmbeddingResult;
import dev.embedbench.backends.ModelInfo;
import dev.embedbench.backends.TokenEstimator;
import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.backends.wire.EmbeddingsResponse;
import dev.embedbench.backends.wire.EncodingFormat;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * Embeds by calling an OpenAI-compatible server's {@code /v1/embeddings}. It asks for base64 (a
 * third of the bytes of float JSON) and accepts floats too, since SGLang ignores the request.
 * Readiness comes from {@link HealthProbe}; errors from {@link UpstreamErrors}.
 */
public final class RemoteBackend implements EmbeddingBackend {

  public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(1);

  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final RemoteTarget target;
  private final LoopClients clients;
  private final InFlightLimit inFlight;
  private final HealthProbe probe;
  private final String embeddingsUrl;
  private volatile boolean closed;

  public RemoteBackend(Vertx vertx, RemoteTarget target) {
    this(vertx, target, DEFAULT_PROBE_INTERVAL);
  }

  /** @param probeInterval how often to probe the health path once started */
  public RemoteBackend(Vertx vertx, RemoteTarget target, Duration probeInterval) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.target = Objects.requireNonNull(target, "target");
    if (probeInterval == null || probeInterval.toMillis() < 1) {
      throw new IllegalArgumentException("probeInterval must be >= 1ms, was " + probeInterval);
    }
    Duration connectTimeout = min(target.timeout(), MAX_CONNECT_TIMEOUT);
    WebClientOptions options = new WebClientOptions()
        .setKeepAlive(true)
        .setTcpNoDelay(true)
        .setFollowRedirects(false)
        .setConnectTimeout((int) connectTimeout.toMillis())
        .setUserAgent("embedbench");
    this.clients = new LoopClients(vertx, options, target.maxConnections());
    this.inFlight = new InFlightLimit(target.maxConnections());
    this.embeddingsUrl = target.embeddingsUrl();
    this.probe = new HealthProbe(vertx, clients.shared(), target.healthUrl(), probeInterval,
        min(target.timeout(), MAX_CONNECT_TIMEOUT));
  }

  public RemoteTarget target() {
    return target;
  }

  @Override
  public ModelInfo info() {
    return target.info();
  }

  /** Probes the health path; fails (503) when the first probe finds the upstream down, but keeps probing. */
  @Override
  public Future<Void> start() {
    return probe.start().recover(cause -> Future.failedFuture(new ApiException(
        ApiError.unavailable("Upstream " + target.root() + " is " + cause.getMessage()))));
  }

  @Override
  public boolean ready() {
    return probe.ready();
  }

  @Override
  public Future<EmbeddingResult> embed(EmbeddingBatch batch) {
    if (closed) {
      return Future.failedFuture(new ApiException(
          ApiError.unavailable("Backend for " + target.root() + " is closed.")));
    }
    Context caller = Vertx.currentContext();
    byte[] body = new EmbeddingsRequest(
        target.upstreamModel(), batch.inputs(), EncodingFormat.BASE64, null, null).toJson();
    Promise<EmbeddingResult> outcome = Promise.promise();
    // The request timeout watches for silence; this deadline also covers the wait for a permit or a
    // pooled connection, and a server that trickles its answer.
    long deadline = vertx.setTimer(target.timeout().toMillis(),
        id -> outcome.tryFail(new TimeoutException("deadline")));
    inFlight.submit(caller, () -> {
      if (outcome.future().isComplete()) {
        // The deadline passed while the request waited for a permit: it is never sent.
        inFlight.release();
        return;
      }
      HttpRequest<Buffer> request = clients.forCaller().postAbs(embeddingsUrl)
          .timeout(target.timeout().toMillis())
          .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
          .putHeader(HttpHeaders.ACCEPT.toString(), "application/json");
      if (target.apiKey() != null) {
        request.bearerTokenAuthentication(target.apiKey());
      }
      request.sendBuffer(Buffer.buffer(body))
          .map(response -> toResult(response, batch))
          .onComplete(result -> {
            inFlight.release();
            vertx.cancelTimer(deadline);
            if (result.succeeded()) {
              outcome.tryComplete(result.result());
            } else {
              outcome.tryFail(result.cause());
            }
          });
    });
    Future<EmbeddingResult> translated = outcome.future().recover(cause -> {
      if (cause instanceof ConnectException) {
        probe.markDown(cause.getMessage());
      }
      return Future.failedFuture(UpstreamErrors.fromTransport(cause, target.root(), target.timeout()));
    });
    return onContext(caller, translated);
  }

  private EmbeddingResult toResult(HttpResponse<Buffer> response, EmbeddingBatch batch) {
    byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes();
    if (response.statusCode() / 100 != 2) {
      throw UpstreamErrors.fromStatus(response.statusCode(), response.getHeader("Retry-After"),
          bytes, target.root());
    }
    EmbeddingsResponse parsed = EmbeddingsResponse.parse(bytes);
    if (parsed.vectors().size() != batch.size()) {
      throw new ApiException(ApiError.upstream("Upstream " + target.root() + " returned "
          + parsed.vectors().size() + " embeddings for " + batch.size() + " inputs."));
    }
    int dimensions = parsed.vectors().get(0).length;
    if (dimensions != target.info().dimensions()) {
      throw new ApiException(ApiError.upstream("Upstream " + target.root() + " returned "
          + dimensions + "-dimension embeddings; the route expects " + target.info().dimensions()
          + "."));
    }
    // Servers that send no usage still did the work; count it with the estimator.
    int promptTokens = parsed.promptTokens() > 0 ? parsed.promptTokens() : estimate(batch);
    return new EmbeddingResult(parsed.vectors(), promptTokens);
  }

  private static int estimate(EmbeddingBatch batch) {
    int tokens = 0;
    for (EmbeddingInput input : batch.inputs()) {
      tokens += TokenEstimator.estimate(input);
    }
    return tokens;
  }

  /** Completes on the caller's context, as the SPI promises, whichever thread the client used. */
  private static <T> Future<T> onContext(Context caller, Future<T> future) {
    if (caller == null) {
      return future;
    }
    Promise<T> promise = Promise.promise();
    future.onComplete(result -> {
      if (Vertx.currentContext() == caller) {
        promise.handle(result);
      } else {
        caller.runOnContext(v -> promise.handle(result));
      }
    });
    return promise.future();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      probe.stop();
      clients.close();
    }
  }
}
