package dev.embedbench.backends.emulated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.EmbeddingBatch;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.EmbeddingResult;
import dev.embedbench.backends.MatryoshkaRange;
import dev.embedbench.backends.TokenEstimator;
import dev.embedbench.backends.remote.RemoteBackend;
import dev.embedbench.backends.remote.RemoteTarget;
import dev.embedbench.backends.wire.EmbeddingsResponse;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmulatedServerTest {

  private Vertx vertx;
  private WebClient client;
  private final List<EmulatedServer> servers = new ArrayList<>();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    client = WebClient.create(vertx);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (EmulatedServer server : servers) {
      await(server.close());
    }
    client.close();
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private static EmulatorProfile profile(
      MatryoshkaRange matryoshka,
      int slots,
      int queueLimit,
      Duration base,
      EmulatorProfile.Failures failures) {
    return new EmulatorProfile(
        "test-profile",
        "Test-Model",
        "a test rig",
        "unit test",
        64,
        100,
        matryoshka,
        null,
        new EmulatorProfile.Scheduling(
            SchedulingMode.SLOTS, slots, 0, queueLimit, Duration.ofSeconds(2)),
        new EmulatorProfile.ServiceTime(base, Duration.ZERO, LatencyDistribution.FIXED, 0, 1),
        failures);
  }

  private static EmulatorProfile quick() {
    return profile(
        new MatryoshkaRange(8, 64), 4, 100, Duration.ofMillis(1), EmulatorProfile.Failures.NONE);
  }

  private EmulatedServer start(EmulatorProfile profile) throws Exception {
    EmulatedServer server = await(EmulatedServer.start(vertx, profile, "127.0.0.1", 0));
    servers.add(server);
    return server;
  }

  private HttpResponse<Buffer> post(EmulatedServer server, String json) throws Exception {
    return await(
        client
            .post(server.port(), "127.0.0.1", "/v1/embeddings")
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer(json)));
  }

  private static JsonObject error(HttpResponse<Buffer> response) {
    assertEquals("application/json", response.getHeader("Content-Type"));
    return response.bodyAsJsonObject().getJsonObject("error");
  }

  private static double norm(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    return Math.sqrt(sum);
  }

  @Test
  void answersLikeOpenAiWithDeterministicUnitVectors() throws Exception {
    EmulatedServer server = start(quick());
    HttpResponse<Buffer> first =
        post(server, "{\"model\":\"Test-Model\",\"input\":[\"hello\",\"world\"]}");
    assertEquals(200, first.statusCode());
    assertEquals("test-profile", first.getHeader("X-Embedbench-Emulated"));
    EmbeddingsResponse parsed = EmbeddingsResponse.parse(first.body().getBytes());
    assertEquals("Test-Model", parsed.model());
    assertEquals(2, parsed.vectors().size());
    assertEquals(
        TokenEstimator.estimate("hello") + TokenEstimator.estimate("world"), parsed.promptTokens());
    for (float[] v : parsed.vectors()) {
      assertEquals(64, v.length);
      assertEquals(1.0, norm(v), 1e-5);
    }
    // Same text, another request, base64 this time, and another server of the same profile.
    EmulatedServer twin = start(quick());
    EmbeddingsResponse again =
        EmbeddingsResponse.parse(
            post(
                    twin,
                    "{\"model\":\"test-model\",\"input\":\"world\",\"encoding_format\":\"base64\"}")
                .body()
                .getBytes());
    assertArrayEquals(parsed.vectors().get(1), again.vectors().get(0));
  }

  @Test
  void aMaximalRequestIsAnsweredInInputOrder() throws Exception {
    // 2048 inputs x 64 floats is past the inline limit, so its vectors are made on a worker.
    EmulatedServer server = start(quick());
    io.vertx.core.json.JsonArray inputs = new io.vertx.core.json.JsonArray();
    for (int i = 0; i < 2048; i++) {
      inputs.add("text " + i);
    }
    HttpResponse<Buffer> response =
        post(server, new JsonObject().put("model", "Test-Model").put("input", inputs).encode());
    assertEquals(200, response.statusCode());
    List<float[]> all = EmbeddingsResponse.parse(response.body().getBytes()).vectors();
    assertEquals(2048, all.size());
    for (int i : new int[] {0, 777, 2047}) {
      float[] alone =
          EmbeddingsResponse.parse(
                  post(server, "{\"model\":\"Test-Model\",\"input\":\"text " + i + "\"}")
                      .body()
                      .getBytes())
              .vectors()
              .get(0);
      assertArrayEquals(alone, all.get(i));
    }
  }

  @Test
  void matryoshkaDimensionsAreThePrefixRenormalised() throws Exception {
    EmulatedServer server = start(quick());
    float[] full =
        EmbeddingsResponse.parse(
                post(server, "{\"model\":\"Test-Model\",\"input\":[[5,6,7]]}").body().getBytes())
            .vectors()
            .get(0);
    float[] cut =
        EmbeddingsResponse.parse(
                post(server, "{\"model\":\"Test-Model\",\"input\":[[5,6,7]],\"dimensions\":16}")
                    .body()
                    .getBytes())
            .vectors()
            .get(0);
    assertEquals(16, cut.length);
    assertEquals(1.0, norm(cut), 1e-5);
    assertEquals(cut[3] / full[3], cut[9] / full[9], 1e-4);
  }

  @Test
  void refusesWhatTheModelWouldRefuse() throws Exception {
    EmulatedServer server = start(quick());
    JsonObject tooSmall =
        error(post(server, "{\"model\":\"Test-Model\",\"input\":\"a\",\"dimensions\":4}"));
    assertEquals("dimensions", tooSmall.getString("param"));
    HttpResponse<Buffer> tooLong =
        post(server, "{\"model\":\"Test-Model\",\"input\":\"" + "x".repeat(1000) + "\"}");
    assertEquals(400, tooLong.statusCode());
    assertTrue(error(tooLong).getString("message").contains("limit of 100"));
    HttpResponse<Buffer> unknown = post(server, "{\"model\":\"gpt-4\",\"input\":\"a\"}");
    assertEquals(404, unknown.statusCode());
    assertEquals("model_not_found", error(unknown).getString("code"));
    HttpResponse<Buffer> invalid = post(server, "{\"model\":");
    assertEquals(400, invalid.statusCode());
    assertEquals("invalid_request_error", error(invalid).getString("type"));
    HttpResponse<Buffer> nowhere =
        await(client.get(server.port(), "127.0.0.1", "/v2/nothing").send());
    assertEquals(404, nowhere.statusCode());
    assertEquals("not_found", error(nowhere).getString("code"));
  }

  @Test
  void modelsWithoutMatryoshkaRefuseDimensions() throws Exception {
    EmulatedServer server =
        start(profile(null, 1, 10, Duration.ofMillis(1), EmulatorProfile.Failures.NONE));
    HttpResponse<Buffer> response =
        post(server, "{\"model\":\"Test-Model\",\"input\":\"a\",\"dimensions\":32}");
    assertEquals(400, response.statusCode());
    assertEquals("dimensions", error(response).getString("param"));
    // Asking for the full size is not truncation, and is fine.
    assertEquals(
        200,
        post(server, "{\"model\":\"Test-Model\",\"input\":\"a\",\"dimensions\":64}").statusCode());
  }

  @Test
  void healthAndModelsSayWhatIsEmulated() throws Exception {
    EmulatedServer server = start(quick());
    HttpResponse<Buffer> health = await(client.get(server.port(), "127.0.0.1", "/health").send());
    assertEquals(
        new JsonObject().put("status", "ok").put("model_type", "embedding"),
        health.bodyAsJsonObject());
    JsonObject model =
        await(client.get(server.port(), "127.0.0.1", "/v1/models").send())
            .bodyAsJsonObject()
            .getJsonArray("data")
            .getJsonObject(0);
    assertEquals("Test-Model", model.getString("id"));
    assertEquals("emulated", model.getString("kind"));
    assertEquals("a test rig", model.getString("emulates"));
    assertEquals(64, model.getInteger("dimensions"));
    assertEquals(BackendKind.EMULATED, server.modelInfo().kind());
    assertTrue(server.modelInfo().source().contains("test-profile"));
  }

  @Test
  void aFullQueueAnswers429WithRetryAfter() throws Exception {
    EmulatedServer server =
        start(profile(null, 1, 0, Duration.ofMillis(500), EmulatorProfile.Failures.NONE));
    String body = "{\"model\":\"Test-Model\",\"input\":\"a\"}";
    Future<HttpResponse<Buffer>> first =
        client.post(server.port(), "127.0.0.1", "/v1/embeddings").sendBuffer(Buffer.buffer(body));
    // The first holds the only slot for 500 ms; the second finds no room to wait.
    Thread.sleep(100);
    HttpResponse<Buffer> second = post(server, body);
    assertEquals(429, second.statusCode());
    assertEquals("2", second.getHeader("Retry-After"));
    assertEquals("rate_limit_error", error(second).getString("type"));
    assertEquals(200, await(first).statusCode());
  }

  @Test
  void injectedErrorsAre500Envelopes() throws Exception {
    EmulatedServer server =
        start(
            profile(
                null,
                1,
                10,
                Duration.ofMillis(1),
                new EmulatorProfile.Failures(1.0, 0, Duration.ZERO, Duration.ZERO)));
    HttpResponse<Buffer> response = post(server, "{\"model\":\"Test-Model\",\"input\":\"a\"}");
    assertEquals(500, response.statusCode());
    assertEquals("emulated_failure", error(response).getString("code"));
  }

  @Test
  void slowStartAnswers503UntilLoaded() throws Exception {
    EmulatedServer server =
        start(
            profile(
                null,
                1,
                10,
                Duration.ofMillis(1),
                new EmulatorProfile.Failures(0, 0, Duration.ZERO, Duration.ofMillis(400))));
    assertEquals(503, await(client.get(server.port(), "127.0.0.1", "/health").send()).statusCode());
    HttpResponse<Buffer> early = post(server, "{\"model\":\"Test-Model\",\"input\":\"a\"}");
    assertEquals(503, early.statusCode());
    assertEquals("1", early.getHeader("Retry-After"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    int status = 503;
    while (status == 503 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      status = await(client.get(server.port(), "127.0.0.1", "/health").send()).statusCode();
    }
    assertEquals(200, status);
    assertEquals(200, post(server, "{\"model\":\"Test-Model\",\"input\":\"a\"}").statusCode());
  }

  @Test
  void aLoneRequestToTheCalibratedProfileTakesAboutTheArticlesMean() throws Exception {
    EmulatorProfile profile =
        EmulatorProfile.load(
            Path.of("..", "configs", "profiles", "qwen3-embedding-0.6b-a10g.yaml"));
    EmulatedServer server = start(profile);
    String body =
        new JsonObject()
            .put("model", profile.model())
            .put("input", EmulatorProfileTest.TYPICAL_SHORT_INPUT)
            .encode();
    post(server, body);
    int n = 15;
    long totalNanos = 0;
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      assertEquals(200, post(server, body).statusCode());
      totalNanos += System.nanoTime() - start;
    }
    double meanMillis = totalNanos / 1e6 / n;
    // Generous bounds: timers never fire early (cv 0.1 keeps a mean of 15 above 58 ms), and a busy
    // shared machine may add delay but not triple it.
    assertTrue(meanMillis > 58 && meanMillis < 200, "mean " + meanMillis + " ms");
  }

  @Test
  void remoteBackendServesFromTheEmulator() throws Exception {
    EmulatedServer server = start(quick());
    RemoteBackend backend =
        new RemoteBackend(
            vertx,
            new RemoteTarget(
                URI.create(server.baseUrl() + "/v1"),
                "Test-Model",
                null,
                Duration.ofSeconds(5),
                2,
                "/health",
                server.modelInfo()),
            Duration.ofMillis(200));
    try {
      await(backend.start());
      assertTrue(backend.ready());
      EmbeddingResult result =
          await(
              backend.embed(
                  new EmbeddingBatch(
                      List.of(new EmbeddingInput.Text("one"), new EmbeddingInput.Text("two")))));
      assertEquals(2, result.vectors().size());
      assertEquals(BackendKind.EMULATED, backend.info().kind());
    } finally {
      backend.close();
    }
  }
}
