package dev.embedbench.gateway.routing;

import static dev.embedbench.gateway.routing.GatewayHarness.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.backends.wire.EmbeddingsResponse;
import dev.embedbench.backends.wire.EncodingFormat;
import dev.embedbench.gateway.config.GatewayConfig;
import dev.embedbench.testsupport.net.Loopback;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Routing through real {@code type: remote} targets: HTTP upstreams on loopback. */
@ExtendWith(VertxExtension.class)
class RemoteRoutingTest {

  @TempDir Path dir;
  private final List<HttpServer> servers = new ArrayList<>();
  private Gateway gateway;

  /** Models the upstreams were asked for, in order. */
  private final List<String> upstreamModels = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    if (gateway != null) {
      await(gateway.close());
    }
    servers.forEach(s -> await(s.close()));
  }

  /** An upstream answering /health, and /v1/embeddings with {@code status} (200: real vectors). */
  private int upstream(Vertx vertx, int status) {
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(
                req -> {
                  if (req.path().equals("/health")) {
                    req.response().end("ok");
                    return;
                  }
                  req.body()
                      .onSuccess(
                          body -> {
                            EmbeddingsRequest parsed = EmbeddingsRequest.parse(body.getBytes());
                            upstreamModels.add(parsed.model());
                            if (status != 200) {
                              req.response()
                                  .setStatusCode(status)
                                  .end("{\"error\":{\"message\":\"boom\"}}");
                              return;
                            }
                            List<float[]> vectors =
                                parsed.inputs().stream()
                                    .map(input -> ScriptedBackend.vectorFor(input, 8))
                                    .toList();
                            req.response()
                                .putHeader("content-type", "application/json")
                                .end(
                                    Buffer.buffer(
                                        new EmbeddingsResponse(parsed.model(), vectors, 3)
                                            .encode(parsed.encodingFormat())));
                          });
                });
    servers.add(Loopback.listen(server));
    return server.actualPort();
  }

  private static String remote(String name, int port, String... lines) {
    return Yaml.targetOf(name, Yaml.SMALL_MODEL, lines)
        .replace("http://127.0.0.1:9", "http://127.0.0.1:" + port);
  }

  private Gateway start(Vertx vertx, String yaml) throws Exception {
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, yaml);
    gateway = await(Gateway.start(vertx, GatewayConfig.load(file), new SimpleMeterRegistry()));
    return gateway;
  }

  @Test
  void servesThroughRemoteTargetsAndFailsOverOn5xx(Vertx vertx) throws Exception {
    int failing = upstream(vertx, 500);
    int healthy = upstream(vertx, 200);
    start(
        vertx,
        Yaml.config(
            Yaml.route(
                "r",
                remote("a", failing, "upstream_model: Org/Upstream-Name"),
                remote("b", healthy, "weight: 0"))));
    EmbeddingsOutcome outcome =
        await(
            gateway.embed(
                new EmbeddingsRequest(
                    "r",
                    List.of(new EmbeddingInput.Text("x"), new EmbeddingInput.Text("y")),
                    EncodingFormat.FLOAT,
                    4,
                    null)));
    assertEquals("b", outcome.target());
    assertEquals(BackendKind.REMOTE, outcome.kind());
    assertEquals(List.of("Org/Upstream-Name", "m"), upstreamModels);
    assertEquals(4, outcome.response().vectors().get(1).length);
    assertArrayEquals(
        Matryoshka.truncate(ScriptedBackend.vectorFor(new EmbeddingInput.Text("y"), 8), 4),
        outcome.response().vectors().get(1),
        "vectors survive base64 upstream exactly");
  }

  @Test
  void anUpstreamDownAtStartDoesNotStopTheGateway(Vertx vertx) throws Exception {
    int down = Loopback.closedPort();
    int healthy = upstream(vertx, 200);
    start(
        vertx,
        Yaml.config(
            Yaml.route("r", remote("a", down), remote("b", healthy, "weight: 0")),
            Yaml.route("only-down", remote("c", down))));
    assertEquals("b", await(gateway.embed(GatewayHarness.request("r", "x"))).target());
    assertFalse(gateway.ready(), "route only-down has no ready target");
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                gateway
                    .embed(GatewayHarness.request("only-down", "x"))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS));
    assertEquals(503, ((ApiException) e.getCause()).error().httpStatus());
    assertEquals(1, upstreamModels.size(), "nothing was sent to the down upstream");
  }
}
