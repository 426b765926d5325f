package dev.embedbench.backends.remote;

import dev.embedbench.backends.EmbeddingBackend;
import dev.embedbench.backends.EmbeddingBatch;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.EmbeddingResult;
import dev.embedbench.backends.ModelInfo;
import dev.embedbench.backends.TokenEstimator;
import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.Base64Vectors;
import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.backends.wire.EmbeddingsResponse;
import dev.embedbench.backends.wire.EncodingFormat;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.WebClient;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * Embeds by calling an OpenAI-compatible server's {@code /v1/embeddings}. It asks for base64 (a
 * third of the bytes of float JSON) and accepts floats too, since SGLang ignores the request.
 * Readiness comes from {@link HealthProbe}; errors from {@link UpstreamErrors}.
 *
 * <p>Answers are read into one array of at most {@link #maxSuccessBodyBytes} bytes (error bodies:
 * {@link UpstreamErrors#MAX_ERROR_BODY_BYTES}), so a runaway upstream cannot make the gateway
 * buffer it whole; a larger answer closes the connection and is a 502. Vectors are checked as they
 * are decoded (the target's {@link dev.embedbench.backends.wire.VectorCheck}).
 */
public final class RemoteBackend implements EmbeddingBackend {

  public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(1);

  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Bytes allowed per float value of a float JSON answer ("-1.2345678E-12," is 15) plus this. */
  private static final int BYTES_PER_VALUE = 24;

  private static final int SUCCESS_BODY_SLACK_BYTES = 64 * 1024;

  private final Vertx vertx;
  private final RemoteTarget target;
  private final LoopClients clients;
  private final InFlightLimit inFlight;
  private final HealthProbe probe;
  private final RequestOptions requestTemplate;
  private volatile boolean closed;

  public RemoteBackend(Vertx vertx, RemoteTarget target) {
    this(vertx, target, DEFAULT_PROBE_INTERVAL);
  }

  /**
   * @param probeInterval how often to probe the health path once started
   */
  public RemoteBackend(Vertx vertx, RemoteTarget target, Duration probeInterval) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.target = Objects.requireNonNull(target, "target");
    if (probeInterval == null || probeInterval.toMillis() < 1) {
      throw new IllegalArgumentException("probeInterval must be >= 1ms, was " + probeInterval);
    }
    Duration connectTimeout = min(target.timeout(), MAX_CONNECT_TIMEOUT);
    HttpClientOptions options =
        new HttpClientOptions()
            .setKeepAlive(true)
            .setTcpNoDelay(true)
            .setConnectTimeout((int) connectTimeout.toMillis());
    this.clients = new LoopClients(vertx, options, target.maxConnections());
    this.inFlight = new InFlightLimit(target.maxConnections());
    this.requestTemplate =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(target.embeddingsUrl())
            .setIdleTimeout(target.timeout().toMillis())
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .putHeader(HttpHeaders.ACCEPT, "application/json")
            .putHeader(HttpHeaders.USER_AGENT, "embedbench");
    if (target.apiKey() != null) {
      requestTemplate.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + target.apiKey());
    }
    this.probe =
        new HealthProbe(
            vertx,
            WebClient.wrap(clients.shared()),
            target.healthUrl(),
            probeInterval,
            min(target.timeout(), MAX_CONNECT_TIMEOUT));
  }

  public RemoteTarget target() {
    return target;
  }

  @Override
  public ModelInfo info() {
    return target.info();
  }

  /**
   * Probes the health path; fails (503) when the first probe finds the upstream down, but keeps
   * probing.
   */
  @Override
  public Future<Void> start() {
    return probe
        .start()
        .recover(
            cause ->
                Future.failedFuture(
                    new ApiException(
                        ApiError.unavailable(
                            "Upstream " + target.root() + " is " + cause.getMessage()))));
  }

  @Override
  public boolean ready() {
    return probe.ready();
  }

  /**
   * The largest successful answer accepted for {@code inputs} vectors: float JSON at {@link
   * #BYTES_PER_VALUE} per value, which base64 (under 6 bytes per value) stays far below.
   */
  long maxSuccessBodyBytes(int inputs) {
    return SUCCESS_BODY_SLACK_BYTES + (long) inputs * target.info().dimensions() * BYTES_PER_VALUE;
  }

  @Override
  public Future<EmbeddingResult> embed(EmbeddingBatch batch) {
    return embed(batch, Promise.<Void>promise().future());
  }

  @Override
  public Future<EmbeddingResult> embed(EmbeddingBatch batch, Future<Void> abandoned) {
    if (closed) {
      return Future.failedFuture(
          new ApiException(ApiError.unavailable("Target " + target.name() + " is closed.")));
    }
    Context caller = Vertx.currentContext();
    byte[] body =
        new EmbeddingsRequest(
                target.upstreamModel(), batch.inputs(), EncodingFormat.BASE64, null, null)
            .toJson();
    Promise<EmbeddingResult> outcome = Promise.promise();
    Call call = new Call(outcome);
    // The request timeout watches for silence; this deadline also covers the wait for a permit or a
    // pooled connection, and a server that trickles its answer.
    long deadline =
        vertx.setTimer(
            target.timeout().toMillis(), id -> call.stop(new TimeoutException("deadline")));
    abandoned.onComplete(gone -> call.stop(UpstreamErrors.cancelled(target.name())));
    // The response's handlers must be set on the connection's own thread, before any of its body
    // arrives; a caller off any event loop (tests, tools) sends from a context of its own.
    Context sending = caller != null ? caller : vertx.getOrCreateContext();
    Runnable send =
        () ->
            inFlight.submit(
                sending,
                () -> {
                  if (outcome.future().isComplete()) {
                    // The deadline passed, or the client left, while the request waited for a
                    // permit: it is
                    // never sent.
                    inFlight.release();
                    return;
                  }
                  clients
                      .forCaller()
                      .request(new RequestOptions(requestTemplate))
                      .compose(
                          request -> {
                            call.sending(request);
                            return request.send(Buffer.buffer(body));
                          })
                      .compose(response -> read(response, batch))
                      .onComplete(
                          result -> {
                            inFlight.release();
                            vertx.cancelTimer(deadline);
                            if (result.succeeded()) {
                              outcome.tryComplete(result.result());
                            } else {
                              outcome.tryFail(result.cause());
                            }
                          });
                });
    if (caller != null) {
      send.run();
    } else {
      sending.runOnContext(v -> send.run());
    }
    Future<EmbeddingResult> translated =
        outcome
            .future()
            .recover(
                cause -> {
                  if (cause instanceof ConnectException) {
                    probe.markDown(cause.getMessage());
                  }
                  return Future.failedFuture(
                      UpstreamErrors.fromTransport(cause, target.name(), target.timeout()));
                });
    return onContext(caller, translated);
  }

  /**
   * The request of one call once it is on the wire, so that a deadline or a client that left can
   * reset it: closing the connection is the only way HTTP/1.1 has to tell the upstream to stop.
   */
  private static final class Call {
    private final Promise<EmbeddingResult> outcome;
    private HttpClientRequest request;

    Call(Promise<EmbeddingResult> outcome) {
      this.outcome = outcome;
    }

    synchronized void sending(HttpClientRequest request) {
      this.request = request;
      if (outcome.future().isComplete()) {
        request.reset();
      }
    }

    synchronized void stop(Throwable why) {
      if (outcome.tryFail(why) && request != null) {
        request.reset();
      }
    }
  }

  private Future<EmbeddingResult> read(HttpClientResponse response, EmbeddingBatch batch) {
    int status = response.statusCode();
    boolean success = status / 100 == 2;
    long limit = success ? maxSuccessBodyBytes(batch.size()) : UpstreamErrors.MAX_ERROR_BODY_BYTES;
    return CappedBody.read(response, limit, !success)
        .map(
            bytes -> {
              if (!success) {
                throw UpstreamErrors.fromStatus(
                    status, response.getHeader(HttpHeaders.RETRY_AFTER), bytes, target);
              }
              return toResult(bytes, batch);
            });
  }

  private EmbeddingResult toResult(byte[] bytes, EmbeddingBatch batch) {
    EmbeddingsResponse parsed;
    try {
      parsed = EmbeddingsResponse.parse(bytes, target.vectorCheck());
    } catch (ApiException e) {
      throw UpstreamErrors.invalidAnswer(target, e.error());
    }
    if (parsed.vectors().size() != batch.size()) {
      throw new ApiException(
          ApiError.upstream(
              "Target "
                  + target.name()
                  + " returned "
                  + parsed.vectors().size()
                  + " embeddings for "
                  + batch.size()
                  + " inputs."));
    }
    int dimensions = Base64Vectors.dimensionsOf(parsed.vectors());
    if (dimensions != target.info().dimensions()) {
      throw new ApiException(
          ApiError.upstream(
              "Target "
                  + target.name()
                  + " returned "
                  + dimensions
                  + "-dimension embeddings; the route expects "
                  + target.info().dimensions()
                  + "."));
    }
    // Servers that send no usage still did the work; count it with the estimator.
    int promptTokens = parsed.promptTokens() > 0 ? parsed.promptTokens() : estimate(batch);
    return new EmbeddingResult(parsed.vectors(), promptTokens, parsed.base64());
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
    future.onComplete(
        result -> {
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
