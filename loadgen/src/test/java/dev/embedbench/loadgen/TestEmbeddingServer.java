package dev.embedbench.loadgen;

import dev.embedbench.testsupport.net.Loopback;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * An OpenAI-compatible embeddings server on 127.0.0.1 with known behaviour, for tests: a fixed
 * delay, a one-off stall, a capacity (one request at a time at a fixed service time, the rest
 * queued), and a rule that decides each request's fate by its arrival number. It tracks the most
 * requests it held at once.
 */
final class TestEmbeddingServer implements AutoCloseable {

  static final int DIMENSIONS = 8;
  static final String MODEL = "test-model";

  /** What the server does with the n-th request (1-based). */
  enum Fate {
    OK,
    STATUS_503,
    STATUS_400,
    WRONG_COUNT,
    CLOSE_CONNECTION,
    HANG
  }

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final AtomicLong arrivals = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final long startNanos = System.nanoTime();
  private volatile long delayMillis;
  private volatile long stallAtNanos = -1;
  private volatile long stallForNanos;
  private volatile double capacityPerSecond;
  private volatile IntFunction<Fate> fates = n -> Fate.OK;
  private long nextFreeNanos;

  TestEmbeddingServer() throws Exception {
    Router router = Router.router(vertx);
    router
        .get("/v1/models")
        .handler(
            ctx ->
                ctx.json(
                    new JsonObject()
                        .put("object", "list")
                        .put(
                            "data",
                            new JsonArray()
                                .add(
                                    new JsonObject()
                                        .put("id", MODEL)
                                        .put("object", "model")
                                        .put("kind", "emulated")))));
    router.post("/v1/embeddings").handler(BodyHandler.create()).handler(this::embed);
    server = Loopback.listen(vertx, router);
  }

  String baseUrl() {
    return Loopback.url(server, "/v1");
  }

  TestEmbeddingServer delay(long millis) {
    this.delayMillis = millis;
    return this;
  }

  /** Holds every request that arrives in [at, at + length) until at + length. */
  TestEmbeddingServer stall(long atMillis, long lengthMillis) {
    this.stallAtNanos = startNanos + TimeUnit.MILLISECONDS.toNanos(atMillis);
    this.stallForNanos = TimeUnit.MILLISECONDS.toNanos(lengthMillis);
    return this;
  }

  /**
   * Serves one request at a time, each taking 1/capacity seconds; the rest wait in an unbounded
   * queue.
   */
  TestEmbeddingServer capacity(double requestsPerSecond) {
    this.capacityPerSecond = requestsPerSecond;
    return this;
  }

  TestEmbeddingServer fates(IntFunction<Fate> rule) {
    this.fates = rule;
    return this;
  }

  long arrivals() {
    return arrivals.get();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  private void embed(RoutingContext ctx) {
    int n = (int) arrivals.incrementAndGet();
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    Fate fate = fates.apply(n);
    if (fate == Fate.HANG) {
      ctx.request().connection().closeHandler(v -> inFlight.decrementAndGet());
      return;
    }
    long now = System.nanoTime();
    long waitNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
    if (stallAtNanos >= 0 && now >= stallAtNanos && now < stallAtNanos + stallForNanos) {
      waitNanos = Math.max(waitNanos, stallAtNanos + stallForNanos - now);
    }
    if (capacityPerSecond > 0) {
      long serviceNanos = (long) (1e9 / capacityPerSecond);
      synchronized (this) {
        nextFreeNanos = Math.max(nextFreeNanos, now) + serviceNanos;
        waitNanos = Math.max(waitNanos, nextFreeNanos - now);
      }
    }
    long waitMillis = TimeUnit.NANOSECONDS.toMillis(waitNanos);
    if (waitMillis < 1) {
      respond(ctx, fate);
    } else {
      vertx.setTimer(waitMillis, id -> respond(ctx, fate));
    }
  }

  private void respond(RoutingContext ctx, Fate fate) {
    inFlight.decrementAndGet();
    switch (fate) {
      case STATUS_503 -> error(ctx, 503, "overloaded");
      case STATUS_400 -> error(ctx, 400, "bad input");
      case CLOSE_CONNECTION -> ctx.request().connection().close();
      default -> {
        JsonObject body = ctx.body().asJsonObject();
        Object input = body.getValue("input");
        int count = input instanceof JsonArray array ? array.size() : 1;
        ctx.response()
            .putHeader("content-type", "application/json")
            .end(embeddings(fate == Fate.WRONG_COUNT ? count + 1 : count));
      }
    }
  }

  private static void error(RoutingContext ctx, int status, String message) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(
            new JsonObject()
                .put("error", new JsonObject().put("message", message).put("type", "test"))
                .encode());
  }

  static String embeddings(int count) {
    double value = 1.0 / Math.sqrt(DIMENSIONS);
    JsonArray data = new JsonArray();
    for (int i = 0; i < count; i++) {
      JsonArray vector = new JsonArray();
      for (int d = 0; d < DIMENSIONS; d++) {
        vector.add(value);
      }
      data.add(
          new JsonObject().put("object", "embedding").put("index", i).put("embedding", vector));
    }
    return new JsonObject()
        .put("object", "list")
        .put("data", data)
        .put("model", MODEL)
        .put("usage", new JsonObject().put("prompt_tokens", 1).put("total_tokens", 1))
        .encode();
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
