package dev.embedbench.cli;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.config.ConfigException;
import dev.embedbench.gateway.config.GatewayConfig;
import dev.embedbench.gateway.config.ServerConfig;
import dev.embedbench.gateway.http.EmbeddingService;
import dev.embedbench.gateway.http.GatewayServer;
import dev.embedbench.gateway.http.GatewayVertx;
import dev.embedbench.gateway.routing.Gateway;
import dev.embedbench.gateway.routing.ModelListing;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code embedbench serve}: runs the OpenAI-compatible embeddings gateway until Ctrl-C or SIGTERM,
 * then drains (see {@link GatewayServer}: {@code /ready} 503 while serving for the drain delay,
 * stop accepting, finish in-flight requests up to the deadline, close backends).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the OpenAI-compatible embeddings gateway (POST /v1/embeddings, GET /v1/models, /health,"
          + " /ready, /metrics).",
      "Without --config it serves configs/gateway-demo.yaml: three EMULATED upstreams started on"
          + " loopback."
    })
public final class ServeCommand implements Callable<Integer> {

  static final String DEMO_CONFIG = "configs/gateway-demo.yaml";
  static final int EXIT_CONFIG = 2;
  static final int EXIT_START = 1;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Gateway YAML file (default: " + DEMO_CONFIG + " under the embedbench home).")
  Path config;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port to listen on, overriding the file's server.port (0 picks a free port).")
  Integer port;

  @Option(
      names = "--instances",
      paramLabel = "N",
      description =
          "HTTP server instances, one per event loop (default: number of cores, ${DEFAULT-VALUE}).")
  int instances = Runtime.getRuntime().availableProcessors();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Started started;
    try {
      started = start(out);
    } catch (StartFailure failure) {
      err.println("embedbench serve: " + failure.getMessage());
      return failure.exitCode;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  started.stop(err);
                  stopped.countDown();
                },
                "embedbench-shutdown"));
    stopped.await();
    return 0;
  }

  /** Loads the configuration, starts the gateway and its HTTP server, and prints the banner. */
  Started start(PrintWriter out) throws StartFailure {
    Path file = config != null ? config : home().resolve(DEMO_CONFIG);
    GatewayConfig gatewayConfig;
    try {
      gatewayConfig = GatewayConfig.load(file);
      if (port != null) {
        gatewayConfig = gatewayConfig.withServer(gatewayConfig.server().withPort(port));
      }
    } catch (ConfigException e) {
      throw new StartFailure(EXIT_CONFIG, "configuration error: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new StartFailure(EXIT_CONFIG, "--port: " + e.getMessage());
    }
    if (instances < 1) {
      throw new StartFailure(EXIT_CONFIG, "--instances must be >= 1, was " + instances);
    }

    ServerConfig server = gatewayConfig.server();
    Vertx vertx = GatewayVertx.create(server.transport());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Gateway gateway;
    GatewayServer gatewayServer;
    try {
      gateway = awaitStart(Gateway.start(vertx, gatewayConfig, registry));
      gatewayServer =
          awaitStart(
              GatewayServer.start(
                  vertx, EmbeddingService.of(gateway), server, registry, instances));
    } catch (ConfigException e) {
      vertx.close();
      throw new StartFailure(EXIT_CONFIG, "configuration error: " + e.getMessage());
    } catch (Exception e) {
      // Future.await rethrows the cause as it is, checked ones (BindException) included.
      vertx.close();
      throw new StartFailure(
          EXIT_START,
          "could not start on " + server.host() + ":" + server.port() + ": " + describe(e));
    }
    String url = "http://" + server.host() + ":" + gatewayServer.port();
    printBanner(out, url, file, server, GatewayVertx.describeTransport(vertx), gateway.models());
    return new Started(vertx, gatewayServer, server.drainDelay(), server.shutdownDeadline(), url);
  }

  /** A running gateway and the one way to stop it. */
  record Started(
      Vertx vertx,
      GatewayServer server,
      Duration drainDelay,
      Duration shutdownDeadline,
      String url) {

    /** The drain, then Vert.x; bounded by the drain delay + the deadline + 5 s. */
    void stop(PrintWriter err) {
      err.println(
          "embedbench serve: draining: /ready answers 503; serving for "
              + drainDelay.toMillis()
              + " ms more, then finishing in-flight requests (up to "
              + shutdownDeadline.toMillis()
              + " ms)...");
      err.flush();
      try {
        server
            .shutdown()
            .await(drainDelay.plus(shutdownDeadline).toMillis() + 5_000, TimeUnit.MILLISECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
        err.println("embedbench serve: stopped.");
      } catch (Exception e) {
        err.println("embedbench serve: shutdown did not finish cleanly: " + describe(e));
      }
      err.flush();
    }
  }

  /** Why {@code serve} could not start, with the exit status to return. */
  static final class StartFailure extends Exception {
    final int exitCode;

    StartFailure(int exitCode, String message) {
      super(message, null, false, false);
      this.exitCode = exitCode;
    }
  }

  private static void printBanner(
      PrintWriter out,
      String url,
      Path file,
      ServerConfig server,
      String transport,
      List<ModelListing> models) {
    out.println("embedbench gateway listening on " + url + "  (config: " + file + ")");
    out.println("Transport: " + transport);
    out.println("Routes:");
    for (ModelListing model : models) {
      out.printf(
          "  %-24s %5d dims, max %d tokens per input, kind: %s%n",
          model.id(), model.dimensions(), model.maxInputTokens(), kindLabel(model.kind()));
      if (!model.aliases().isEmpty()) {
        out.println("  " + " ".repeat(24) + "  aliases: " + String.join(", ", model.aliases()));
      }
    }
    String example = models.isEmpty() ? "MODEL" : models.get(0).id();
    String auth =
        server.apiKeys().isEmpty() ? "" : " -H \"Authorization: Bearer $EMBEDBENCH_API_KEY\"";
    out.println("Try:");
    out.println(
        "  curl -s "
            + url
            + "/v1/embeddings -H 'Content-Type: application/json'"
            + auth
            + " -d '{\"model\":\""
            + example
            + "\",\"input\":\"hello world\"}'");
    out.println(
        "Endpoints: /v1/embeddings /v1/models /health /ready /metrics."
            + " Ctrl-C stops gracefully.");
    out.flush();
  }

  private static <T> T awaitStart(Future<T> future) {
    try {
      return future.await(120, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("did not start within 120 s");
    }
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message != null ? message : root.getClass().getSimpleName();
  }

  /** The launcher passes {@code -Dembedbench.home}; fall back to the working directory. */
  static Path home() {
    String home = System.getProperty("embedbench.home");
    return Path.of(home != null && !home.isBlank() ? home : ".");
  }

  /** Whether a kind's figures are real measurements; emulated ones are labelled loudly. */
  static String kindLabel(BackendKind kind) {
    return kind == BackendKind.EMULATED
        ? "EMULATED (profile latency, hash vectors: not a real model)"
        : kind.label();
  }
}
