package dev.embedbench.cli.compare;

import dev.embedbench.backends.emulated.EmulatedSpec;
import dev.embedbench.backends.emulated.EmulatorProfile;
import dev.embedbench.backends.qwen3.InProcessSpec;
import dev.embedbench.backends.qwen3.Qwen3Options;
import dev.embedbench.backends.spi.BackendSpec;
import dev.embedbench.gateway.config.CircuitBreakerConfig;
import dev.embedbench.gateway.config.GatewayConfig;
import dev.embedbench.gateway.config.RetryConfig;
import dev.embedbench.gateway.config.RouteConfig;
import dev.embedbench.gateway.config.ServerConfig;
import dev.embedbench.gateway.config.TargetConfig;
import dev.embedbench.gateway.http.EmbeddingService;
import dev.embedbench.gateway.http.GatewayServer;
import dev.embedbench.gateway.http.GatewayVertx;
import dev.embedbench.gateway.routing.Gateway;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The gateway of a comparison, on 127.0.0.1 and a free port: one route per model, each with one
 * target, an emulated upstream (started by the gateway on loopback) or the in-process model.
 * Started and closed from the command's thread, which waits on the futures; the gateway itself runs
 * on Vert.x event loops.
 */
public final class ComparisonGateway implements AutoCloseable {

  static final Duration TARGET_TIMEOUT = Duration.ofSeconds(30);
  static final int MAX_CONCURRENCY = 512;
  static final int MAX_BATCH_INPUTS = 64;
  private static final long START_TIMEOUT_SECONDS = 300;

  private final Vertx vertx;
  private final GatewayServer server;
  private final String baseUrl;

  private ComparisonGateway(Vertx vertx, GatewayServer server, String baseUrl) {
    this.vertx = vertx;
    this.server = server;
    this.baseUrl = baseUrl;
  }

  /**
   * @param modelDirs the in-process models' checkpoint directories, by model name
   * @param source the comparison file, named in configuration errors
   */
  public static ComparisonGateway start(
      List<ModelPlan> models, Map<String, Path> modelDirs, Path source) throws TimeoutException {
    GatewayConfig config =
        new GatewayConfig(
            source,
            new ServerConfig(
                ServerConfig.DEFAULT_HOST,
                0,
                List.of(),
                ServerConfig.DEFAULT_MAX_BODY_BYTES,
                Duration.ofSeconds(5),
                false),
            routes(models, modelDirs));
    Vertx vertx = GatewayVertx.create(config.server().transport());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try {
      Gateway gateway =
          Gateway.start(vertx, config, registry).await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      GatewayServer server =
          GatewayServer.start(
                  vertx,
                  EmbeddingService.of(gateway),
                  config.server(),
                  registry,
                  Math.max(1, Runtime.getRuntime().availableProcessors()))
              .await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return new ComparisonGateway(
          vertx, server, "http://" + ServerConfig.DEFAULT_HOST + ":" + server.port() + "/v1");
    } catch (TimeoutException | RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  static List<RouteConfig> routes(List<ModelPlan> models, Map<String, Path> modelDirs) {
    List<RouteConfig> routes = new ArrayList<>();
    for (ModelPlan model : models) {
      BackendSpec spec =
          model.emulated()
              ? new EmulatedSpec(
                  model.emulatedProfile(), null, EmulatorProfile.builtin(model.emulatedProfile()))
              : new InProcessSpec(
                  modelDirs.get(model.name()),
                  Qwen3Options.DEFAULTS
                      .withModelName(model.name())
                      .withDevice(model.inProcess().device())
                      .withBatching(model.inProcess().batching()));
      TargetConfig target =
          new TargetConfig(
              model.name() + (model.emulated() ? "-emulated" : "-in-process"),
              1,
              TARGET_TIMEOUT,
              MAX_CONCURRENCY,
              MAX_BATCH_INPUTS,
              Integer.MAX_VALUE,
              CircuitBreakerConfig.defaults(),
              spec);
      routes.add(
          new RouteConfig(
              model.name(),
              List.of(),
              "embedbench",
              false,
              null,
              null,
              RetryConfig.defaults(),
              null,
              List.of(target)));
    }
    return routes;
  }

  /** The OpenAI base URL, e.g. {@code http://127.0.0.1:41234/v1}. */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Drains the server, closes every backend (emulators, the in-process model), then Vert.x; waits
   * for each.
   */
  @Override
  public void close() {
    try {
      server.shutdown().await(15, TimeUnit.SECONDS);
    } catch (TimeoutException | RuntimeException e) {
      // Vert.x closes what is left below.
    }
    try {
      vertx.close().await(15, TimeUnit.SECONDS);
    } catch (TimeoutException | RuntimeException e) {
      // A close that did not finish in time leaves nothing this run still needs.
    }
  }
}
