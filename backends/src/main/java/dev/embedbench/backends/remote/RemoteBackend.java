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
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.ConnectException;
import java.net.URI;
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
  private final UpstreamPools pools;
  private final InFlightLimit inFlight;
  private final WebClient probeClient;
  private final HealthProbe probe;
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
    this.pools =
        new UpstreamPools(
            vertx,
            URI.create(target.embeddingsUrl()),
            target.apiKey(),
            connectTimeout,
            target.timeout());
    this.inFlight = new InFlightLimit(target.maxConnections());
    this.probeClient =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout((int) connectTimeout.toMillis()));
    this.probe =
        new HealthProbe(vertx, probeClient, target.healthUrl(), probeInterval, connectTimeout);
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
    ContextInternal caller = (ContextInternal) Vertx.currentContext();
    byte[] body =
        new EmbeddingsRequest(
                target.upstreamModel(), batch.inputs(), EncodingFormat.BASE64, null, null)
            .toJson();
    // The call runs on one event loop with its connection: the caller's, or (for callers off any
    // event loop: tests, tools) one of Vert.x's.
    ContextInternal sending =
        caller != null ? caller : (ContextInternal) vertx.getOrCreateContext();
    Call call = new Call(sending, pools.forLoop(sending.nettyEventLoop()), body, batch, caller);
    abandoned.onComplete(gone -> call.stop(UpstreamErrors.cancelled(target.name())));
    if (sending.nettyEventLoop().inEventLoop()) {
      call.start();
    } else {
      sending.nettyEventLoop().execute(call::start);
    }
    return call.outcome.future();
  }

  /**
   * One embeddings call, confined to its pool's event loop: it waits for a permit, takes a
   * connection, and ends exactly once, when the answer is read, the connection fails, the deadline
   * passes or the client leaves. The deadline also covers the wait for a permit or a connection and
   * a server that trickles its answer; ending early closes the connection, the only way HTTP/1.1
   * has to tell the upstream to stop.
   */
  private final class Call extends CallDeadlines.Entry implements UpstreamConnection.Listener {
    private final Promise<EmbeddingResult> outcome = Promise.promise();
    private final ContextInternal sending;
    private final UpstreamPool pool;
    private final byte[] body;
    private final EmbeddingBatch batch;
    private final ContextInternal caller;
    private UpstreamConnection connection;
    private boolean holdsPermit;
    private boolean ended;

    Call(
        ContextInternal sending,
        UpstreamPool pool,
        byte[] body,
        EmbeddingBatch batch,
        ContextInternal caller) {
      this.sending = sending;
      this.pool = pool;
      this.body = body;
      this.batch = batch;
      this.caller = caller;
    }

    void start() {
      if (ended) {
        return;
      }
      pool.deadlines().add(this);
      inFlight.submit(sending, this::onLoopPermitted);
    }

    /** A waiting call resumes on its context's thread: a worker's, for a caller on a worker. */
    private void onLoopPermitted() {
      if (pool.loop().inEventLoop()) {
        permitted();
      } else {
        pool.loop().execute(this::permitted);
      }
    }

    private void permitted() {
      holdsPermit = true;
      if (ended) {
        // The deadline passed, or the client left, while the call waited: it is never sent.
        releasePermit();
        return;
      }
      pool.acquire(
          (acquired, failure) -> {
            if (failure != null) {
              end(null, failure);
            } else if (ended) {
              pool.release(acquired);
            } else {
              connection = acquired;
              acquired.send(body, maxSuccessBodyBytes(batch.size()), this);
            }
          });
    }

    @Override
    void expire() {
      end(null, new TimeoutException("deadline"));
    }

    /** Ends the call from any thread: a client that left. */
    void stop(Throwable why) {
      if (pool.loop().inEventLoop()) {
        end(null, why);
      } else {
        pool.loop().execute(() -> end(null, why));
      }
    }

    @Override
    public void answered(UpstreamAnswer answer) {
      connection = null;
      end(answer, null);
    }

    @Override
    public void failed(Throwable cause) {
      connection = null;
      end(null, cause);
    }

    private void end(UpstreamAnswer answer, Throwable failure) {
      if (ended) {
        return;
      }
      ended = true;
      pool.deadlines().remove(this);
      if (connection != null) {
        connection.abort();
        connection = null;
      }
      releasePermit();
      EmbeddingResult result = null;
      Throwable cause = failure;
      if (cause == null) {
        try {
          result = read(answer, batch);
        } catch (RuntimeException e) {
          cause = e;
        }
      }
      if (cause instanceof ConnectException) {
        probe.markDown(cause.getMessage());
      }
      deliver(
          result,
          cause == null
              ? null
              : UpstreamErrors.fromTransport(cause, target.name(), target.timeout()));
    }

    private void releasePermit() {
      if (holdsPermit) {
        holdsPermit = false;
        inFlight.release();
      }
    }

    /** Completes on the caller's context, as the SPI promises. */
    private void deliver(EmbeddingResult result, Throwable cause) {
      Runnable complete =
          () -> {
            if (cause == null) {
              outcome.complete(result);
            } else {
              outcome.fail(cause);
            }
          };
      if (caller == null) {
        complete.run();
      } else if (caller.isEventLoopContext() && caller.nettyEventLoop().inEventLoop()) {
        caller.dispatch(complete);
      } else {
        caller.runOnContext(v -> complete.run());
      }
    }
  }

  private EmbeddingResult read(UpstreamAnswer answer, EmbeddingBatch batch) {
    if (answer.status() / 100 != 2) {
      throw UpstreamErrors.fromStatus(answer.status(), answer.retryAfter(), answer.body(), target);
    }
    return toResult(answer.body(), batch);
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

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      probe.stop();
      probeClient.close();
      pools.close();
    }
  }
}
