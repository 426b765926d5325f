package dev.embedbench.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP server on one event loop. Several instances listen on the same host and port; Vert.x
 * spreads accepted connections over them. Stopping it shuts the server down gracefully: it stops
 * accepting, lets in-flight requests finish up to the deadline, then closes what is left.
 */
final class ServerVerticle extends VerticleBase {

  private final ApiRouter api;
  private final String host;
  private final int port;
  private final Duration shutdownDeadline;
  private final ClientConnections clients;
  private HttpServer server;

  /**
   * @param shutdownDeadline how long stopping waits for in-flight requests before closing their
   *     connections; {@link GatewayServer} answers them first, so this is only a backstop
   */
  ServerVerticle(
      ApiRouter api, String host, int port, Duration shutdownDeadline, ClientConnections clients) {
    this.api = api;
    this.host = host;
    this.port = port;
    this.shutdownDeadline = shutdownDeadline;
    this.clients = clients;
  }

  @Override
  public Future<?> start() {
    // HTTP/1.1 only: the JDK's HttpClient (under LangChain4j and others) asks every plaintext POST
    // to upgrade to h2c, and answering that upgrade left a client waiting for a response now and
    // then.
    // No WebSockets: without compression to negotiate, Vert.x leaves the WebSocket extension
    // handler out of every connection's pipeline, which every request passed through.
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(host)
            .setPort(port)
            .setHttp2ClearTextEnabled(false)
            .setPerFrameWebSocketCompressionSupported(false)
            .setPerMessageWebSocketCompressionSupported(false);
    Router router = api.build(vertx);
    server =
        vertx
            .createHttpServer(options)
            .connectionHandler(clients::accept)
            .requestHandler(
                request -> {
                  if (clients.dispatch(request)) {
                    router.handle(request);
                  }
                });
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    return server.shutdown(shutdownDeadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  int actualPort() {
    return server.actualPort();
  }
}
