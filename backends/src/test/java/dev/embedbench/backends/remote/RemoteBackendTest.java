package dev.embedbench.backends.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.EmbeddingBatch;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.EmbeddingResult;
import dev.embedbench.backends.ModelInfo;
import dev.embedbench.backends.TokenEstimator;
import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.EncodingFormat;
import dev.embedbench.testsupport.net.Loopback;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteBackendTest {

  private Vertx vertx;
  private FakeUpstreams upstreams;
  private int port;
  private final List<RemoteBackend> backends = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    upstreams = new FakeUpstreams();
    port = upstreams.start(vertx);
  }

  @AfterEach
  void tearDown() throws Exception {
    backends.forEach(RemoteBackend::close);
    upstreams.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private RemoteBackend backend(String base, Duration timeout, int dimensions) {
    ModelInfo info = new ModelInfo("fake", dimensions, 512, null, null, BackendKind.REMOTE, base);
    RemoteBackend backend =
        new RemoteBackend(
            vertx,
            new RemoteTarget(
                URI.create(base), "upstream-model", "sk-test", timeout, 4, "/health", info),
            Duration.ofMillis(50));
    backends.add(backend);
    return backend;
  }

  private RemoteBackend backend(String server) {
    return backend(
        "http://127.0.0.1:" + port + "/" + server, Duration.ofSeconds(5), FakeUpstreams.DIMENSIONS);
  }

  private static EmbeddingBatch texts(String... texts) {
    List<EmbeddingInput> inputs = new ArrayList<>();
    for (String text : texts) {
      inputs.add(new EmbeddingInput.Text(text));
    }
    return new EmbeddingBatch(inputs);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static ApiException failure(Future<?> future) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(future));
    assertTrue(e.getCause() instanceof ApiException, "not an ApiException: " + e.getCause());
    return (ApiException) e.getCause();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "/v1", "/v1/"})
  void sglangFloatsComeBackInInputOrderWhateverTheBaseUrlSpelling(String suffix) throws Exception {
    RemoteBackend backend =
        backend(
            "http://127.0.0.1:" + port + "/sglang" + suffix,
            Duration.ofSeconds(5),
            FakeUpstreams.DIMENSIONS);
    EmbeddingBatch batch = texts("first", "second", "third");
    EmbeddingResult result = await(backend.embed(batch));
    List<float[]> expected = FakeUpstreams.vectors(3);
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(expected.get(i), result.vectors().get(i));
      assertEquals(
          Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(result.vectors().get(i)[1]));
    }
    // SGLang sent no usage: the estimate stands in.
    int estimate = batch.inputs().stream().mapToInt(TokenEstimator::estimate).sum();
    assertEquals(estimate, result.promptTokens());
    assertEquals("upstream-model", upstreams.requests.get(0).model());
    assertEquals(EncodingFormat.BASE64, upstreams.requests.get(0).encodingFormat());
    assertEquals("Bearer sk-test", upstreams.authorizations.get(0));
  }

  @Test
  void maxConnectionsIsTheTargetsTotalInFlightWhicheverLoopsSend() throws Exception {
    RemoteBackend backend = backend("held");
    // Requests from two event loops, 8 each, to a server that holds each for 100 ms: the target's 4
    // connections carry 4 at a time in all, neither fewer (a loop's share idle) nor more.
    ContextInternal first = ((VertxInternal) vertx).createEventLoopContext();
    ContextInternal second = ((VertxInternal) vertx).createEventLoopContext();
    while (second.nettyEventLoop() == first.nettyEventLoop()) {
      second = ((VertxInternal) vertx).createEventLoopContext();
    }
    List<CompletableFuture<Answered>> results = new ArrayList<>();
    for (ContextInternal context : List.of(first, second)) {
      for (int i = 0; i < 8; i++) {
        results.add(embedOn(context, backend));
      }
    }
    for (CompletableFuture<Answered> result : results) {
      assertEquals(1, result.get(10, TimeUnit.SECONDS).result().vectors().size());
    }
    assertEquals(4, upstreams.maxHeld.get(), "most requests held by the upstream at once");
  }

  @Test
  void callersOnAWorkerWaitForPermitsAndGetTheirAnswersOnTheirWorkerContext() throws Exception {
    RemoteBackend backend = backend("held");
    ContextInternal worker = ((VertxInternal) vertx).createWorkerContext();
    List<CompletableFuture<Answered>> onWorker = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      onWorker.add(embedOn(worker, backend));
    }
    // 8 calls over 4 permits: half of them waited, and resumed on the pool's loop, not the worker.
    for (CompletableFuture<Answered> result : onWorker) {
      assertSame(worker, result.get(10, TimeUnit.SECONDS).context(), "completed off the worker");
    }
  }

  /** An answer and the context it was delivered on. */
  private record Answered(EmbeddingResult result, Context context) {}

  /** One call of one input sent from {@code context}. */
  private static CompletableFuture<Answered> embedOn(Context context, RemoteBackend backend) {
    CompletableFuture<Answered> answered = new CompletableFuture<>();
    context.runOnContext(
        v ->
            backend
                .embed(texts("x"))
                .onComplete(
                    done -> {
                      if (done.succeeded()) {
                        answered.complete(new Answered(done.result(), Vertx.currentContext()));
                      } else {
                        answered.completeExceptionally(done.cause());
                      }
                    }));
    return answered;
  }

  @Test
  void teiBase64IsDecodedBitExactWithUpstreamUsage() throws Exception {
    EmbeddingResult result = await(backend("tei").embed(texts("a", "b")));
    assertArrayEquals(FakeUpstreams.vectors(2).get(1), result.vectors().get(1));
    assertEquals(6, result.promptTokens());
  }

  @Test
  void tokenIdsTravelUpstream() throws Exception {
    await(
        backend("tei")
            .embed(
                new EmbeddingBatch(List.of(new EmbeddingInput.TokenIds(new int[] {9, 151643})))));
    assertEquals(
        List.of(new EmbeddingInput.TokenIds(new int[] {9, 151643})),
        upstreams.requests.get(0).inputs());
  }

  @Test
  void teiValidationErrorPassesThroughWithItsStatusButNotItsText() {
    ApiError error = failure(backend("tei").embed(texts("too long"))).error();
    assertEquals(413, error.httpStatus(), error.toString());
    assertEquals("invalid_request_error", error.type());
    assertEquals(
        "Target upstream rejected the input (413); check its length and format.", error.message());
  }

  @Test
  void teiTokenizerErrorBecomes400() {
    ApiError error = failure(backend("tei").embed(texts("tokenizer"))).error();
    assertEquals(400, error.httpStatus());
    assertEquals(
        "Target upstream rejected the input (422); check its length and format.", error.message());
  }

  @Test
  void teiBackendErrorBecomes502WithoutQuotingTheUpstream() {
    ApiError error = failure(backend("tei").embed(texts("backend"))).error();
    assertEquals(502, error.httpStatus());
    assertEquals("Target upstream answered with an error (4xx).", error.message());
  }

  @Test
  void vllm503StaysA503WithRetryAfter() {
    ApiException e = failure(backend("vllm").embed(texts("x")));
    assertEquals(503, e.error().httpStatus());
    assertEquals("Target upstream is unavailable (503).", e.error().message());
    assertEquals(Duration.ofSeconds(2), e.retryAfter().orElseThrow());
  }

  @Test
  void plainTextServerErrorBecomes502WithoutTheUpstreamsTextOrUrl() {
    ApiError error = failure(backend("plain").embed(texts("x"))).error();
    assertEquals(502, error.httpStatus());
    assertEquals("Target upstream answered with a server error (5xx).", error.message());
  }

  @Test
  void garbageBecomes502() {
    ApiError error = failure(backend("garbage").embed(texts("x"))).error();
    assertEquals(502, error.httpStatus());
    assertEquals("Target upstream sent an invalid embeddings response.", error.message());
  }

  @Test
  void tooFewEmbeddingsBecome502() {
    ApiError error = failure(backend("short").embed(texts("x", "y"))).error();
    assertEquals(502, error.httpStatus());
    assertTrue(error.message().contains("1 embeddings for 2 inputs"), error.message());
  }

  @Test
  void wrongDimensionsBecome502() {
    RemoteBackend backend = backend("http://127.0.0.1:" + port + "/tei", Duration.ofSeconds(5), 16);
    ApiError error = failure(backend.embed(texts("x"))).error();
    assertEquals(502, error.httpStatus());
    assertTrue(error.message().contains("expects 16"), error.message());
  }

  @Test
  void upstream429StaysA429WithItsRetryAfter() {
    ApiException e = failure(backend("busy").embed(texts("x")));
    assertEquals(429, e.error().httpStatus());
    assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
  }

  @Test
  void upstreamAuthFailureIsTheGatewaysProblemSo502() {
    ApiError error = failure(backend("auth").embed(texts("x"))).error();
    assertEquals(502, error.httpStatus());
    assertEquals("Target upstream answered with an error (4xx).", error.message());
  }

  @Test
  void slowUpstreamTimesOutAs504() {
    RemoteBackend backend =
        backend(
            "http://127.0.0.1:" + port + "/slow", Duration.ofMillis(300), FakeUpstreams.DIMENSIONS);
    ApiError error = failure(backend.embed(texts("x"))).error();
    assertEquals(504, error.httpStatus());
    assertEquals("upstream_timeout", error.code());
  }

  @Test
  void refusedConnectionIs503AndMarksTheBackendDown() throws Exception {
    int closedPort = Loopback.closedPort();
    RemoteBackend backend =
        backend("http://127.0.0.1:" + closedPort, Duration.ofSeconds(2), FakeUpstreams.DIMENSIONS);
    ApiException e = failure(backend.embed(texts("x")));
    assertEquals(503, e.error().httpStatus());
    assertTrue(e.retryAfter().isPresent());
    assertFalse(backend.ready());
    assertEquals(503, failure(backend.start()).error().httpStatus());
  }

  @Test
  void startFailsWhileTheUpstreamLoadsAndTheProbeNoticesWhenItIsUp() throws Exception {
    RemoteBackend backend = backend("vllm");
    assertEquals(503, failure(backend.start()).error().httpStatus());
    assertFalse(backend.ready());
    upstreams.vllmReady = true;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!backend.ready() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(backend.ready(), "the periodic probe never saw the upstream come up");
    upstreams.vllmReady = false;
    while (backend.ready() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertFalse(backend.ready(), "the periodic probe never saw the upstream go down");
  }

  @Test
  void startSucceedsAgainstAHealthyUpstream() throws Exception {
    RemoteBackend backend = backend("sglang");
    await(backend.start());
    assertTrue(backend.ready());
  }

  @Test
  void closeStopsProbing() throws Exception {
    RemoteBackend backend = backend("sglang");
    await(backend.start());
    backend.close();
    backend.close();
    int probes = upstreams.healthChecks.get();
    Thread.sleep(300);
    assertTrue(upstreams.healthChecks.get() <= probes + 1, "probes continued after close");
    assertFalse(backend.ready());
  }

  @Test
  void completesOnTheCallersContext() throws Exception {
    RemoteBackend backend = backend("sglang");
    Context caller = vertx.getOrCreateContext();
    CompletableFuture<List<Boolean>> sameContext = new CompletableFuture<>();
    caller.runOnContext(
        v -> {
          List<Future<Boolean>> checks = new ArrayList<>();
          for (String server : List.of("sglang", "garbage")) {
            checks.add(
                backend(server)
                    .embed(texts("x"))
                    .transform(ar -> Future.succeededFuture(Vertx.currentContext() == caller)));
          }
          Future.all(checks)
              .onComplete(
                  all ->
                      sameContext.complete(
                          checks.stream().map(Future::result).collect(Collectors.toList())));
        });
    assertEquals(List.of(true, true), sameContext.get(10, TimeUnit.SECONDS));
    assertSame(backend.info().kind(), BackendKind.REMOTE);
  }

  @Test
  void targetRejectsBadSettingsNamingTheRule() {
    ModelInfo info = new ModelInfo("m", 8, 512, null, null, BackendKind.REMOTE, "s");
    URI url = URI.create("http://127.0.0.1:1");
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new RemoteTarget(
                        URI.create("ftp://x"),
                        "m",
                        null,
                        Duration.ofSeconds(1),
                        1,
                        "/health",
                        info))
            .getMessage()
            .contains("http or https"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> new RemoteTarget(url, " ", null, Duration.ofSeconds(1), 1, "/health", info))
            .getMessage()
            .contains("upstreamModel"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> new RemoteTarget(url, "m", null, Duration.ZERO, 1, "/health", info))
            .getMessage()
            .contains("timeout"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> new RemoteTarget(url, "m", null, Duration.ofSeconds(1), 0, "/health", info))
            .getMessage()
            .contains("maxConnections"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> new RemoteTarget(url, "m", null, Duration.ofSeconds(1), 1, "health", info))
            .getMessage()
            .contains("healthPath"));
    RemoteTarget target =
        new RemoteTarget(
            URI.create("https://api.example.com/v1/"),
            "m",
            null,
            Duration.ofSeconds(1),
            1,
            "/healthz",
            info);
    assertEquals("https://api.example.com/v1/embeddings", target.embeddingsUrl());
    assertEquals("https://api.example.com/healthz", target.healthUrl());
  }
}
