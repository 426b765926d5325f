package dev.embedbench.testsupport.net;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Test servers and ports on 127.0.0.1 only, on a port the system picks, so that parallel builds
 * never collide. The calls block the calling test thread (never an event loop) for at most ten
 * seconds.
 */
public final class Loopback {

  public static final String HOST = "127.0.0.1";
  private static final long WAIT_SECONDS = 10;

  private Loopback() {}

  /** Starts {@code server} on a free loopback port and returns it once it listens. */
  public static HttpServer listen(HttpServer server) {
    return await(server.listen(0, HOST));
  }

  /** A server that hands every request to {@code handler}, listening on a free loopback port. */
  public static HttpServer listen(Vertx vertx, Handler<HttpServerRequest> handler) {
    return listen(vertx.createHttpServer().requestHandler(handler));
  }

  /** {@code http://127.0.0.1:<port><path>}. */
  public static String url(HttpServer server, String path) {
    return "http://" + HOST + ":" + server.actualPort() + path;
  }

  /** A loopback port that nothing listens on: the system's pick, released again. */
  public static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for {@code future} on the test thread; a failure or a timeout fails the test. */
  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("no answer within " + WAIT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
