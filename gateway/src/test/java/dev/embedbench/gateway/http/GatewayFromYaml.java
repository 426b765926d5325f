package dev.embedbench.gateway.http;

import dev.embedbench.gateway.config.GatewayConfig;
import dev.embedbench.gateway.routing.Gateway;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole gateway, routing and HTTP, started from a YAML {@code routes:} section as {@code serve}
 * would, on a free loopback port with the access log on. It lives in gateway's test tree rather
 * than in test-support because it needs gateway's classes, and test-support must not depend on
 * gateway.
 */
final class GatewayFromYaml {

  /** No drain period: every test stops its gateway, and the drain is GracefulShutdownTest's job. */
  static final String SERVER =
      "server:\n  host: 127.0.0.1\n  port: 0\n  max_body_bytes: 65536\n"
          + "  shutdown_deadline: 2s\n  drain_delay: 0s\n  access_log: true\nroutes:\n";

  private GatewayFromYaml() {}

  /** Writes {@code dir/gateway.yaml} and starts it; the caller shuts the returned server down. */
  static GatewayServer start(Vertx vertx, Path dir, String routes, int instances)
      throws IOException {
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, SERVER + routes);
    GatewayConfig config = GatewayConfig.load(file);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Gateway gateway = GatewayHttpTestBase.await(Gateway.start(vertx, config, registry));
    return GatewayHttpTestBase.await(
        GatewayServer.start(
            vertx, EmbeddingService.of(gateway), config.server(), registry, instances));
  }
}
