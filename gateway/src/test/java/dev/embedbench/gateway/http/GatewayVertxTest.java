package dev.embedbench.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.gateway.config.ServerConfig;
import dev.embedbench.gateway.config.ServerTransport;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The Vert.x instance that serves the gateway: its transport, and that it serves over it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GatewayVertxTest {

  /** The gateway ships epoll's library for this platform, so the native transport must load. */
  @Test
  @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
  void servesOverEpollOnLinuxX86_64() throws Exception {
    Vertx vertx = GatewayVertx.create(ServerTransport.NATIVE);
    try {
      assertTrue(
          vertx.isNativeTransportEnabled(),
          "native transport did not load: " + vertx.unavailableNativeTransportCause());
      assertEquals("epoll (native)", GatewayVertx.describeTransport(vertx));
      assertServesAnEmbedding(vertx);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void nioWhenAskedFor() throws Exception {
    Vertx vertx = GatewayVertx.create(ServerTransport.NIO);
    try {
      assertFalse(vertx.isNativeTransportEnabled());
      assertEquals("nio (native transport not asked for)", GatewayVertx.describeTransport(vertx));
      assertServesAnEmbedding(vertx);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** A POST from outside Vert.x (the JDK's client), so only the server side uses the transport. */
  private static void assertServesAnEmbedding(Vertx vertx) throws Exception {
    GatewayServer server =
        GatewayServer.start(
                vertx,
                new FakeEmbeddingService(),
                new ServerConfig("127.0.0.1", 0, List.of(), 65_536, Duration.ofSeconds(2), false),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                2)
            .await(10, TimeUnit.SECONDS);
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.port() + "/v1/embeddings"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"model\":\"fake-embed\",\"input\":\"alpha\","
                                  + "\"encoding_format\":\"base64\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      assertTrue(response.body().contains("\"index\":0"), response.body());
    } finally {
      server.shutdown().await(10, TimeUnit.SECONDS);
    }
  }
}
