package dev.embedbench.testsupport.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class LoopbackTest {

  @Test
  void aListeningServerAnswersOnLoopbackAtItsUrl() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      HttpServer server = Loopback.listen(vertx, request -> request.response().end("pong"));
      String url = Loopback.url(server, "/ping");
      assertTrue(url.startsWith("http://127.0.0.1:"), url);
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals("pong", response.body());
    } finally {
      Loopback.await(vertx.close());
    }
  }

  @Test
  void nothingListensOnAClosedPort() {
    int port = Loopback.closedPort();
    assertThrows(
        ConnectException.class,
        () -> {
          try (Socket socket = new Socket(InetAddress.getByName(Loopback.HOST), port)) {
            throw new IOException("connected to " + port);
          }
        });
  }

  @Test
  void unitVectorsHaveUnitLength() {
    for (int seed = 0; seed < 4; seed++) {
      double norm = 0;
      for (float value : UnitVectors.of(seed, 8)) {
        norm += value * value;
      }
      assertEquals(1.0, norm, 1e-6);
    }
  }
}
