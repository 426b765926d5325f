package dev.embedbench.loadgen.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodedRequestsTest {

  private static String text(ByteBuf buf) {
    try {
      return buf.toString(StandardCharsets.UTF_8);
    } finally {
      buf.release();
    }
  }

  @Test
  void requestIsTheWholeHttp11MessageWithHeadersAndBody() {
    byte[] body = "{\"model\":\"m\",\"input\":[\"é\"]}".getBytes(StandardCharsets.UTF_8);
    try (EncodedRequests requests =
        EncodedRequests.encode(
            URI.create("http://127.0.0.1:8080/v1/embeddings?x=1"), "key-1", List.of(body))) {
      assertEquals(
          "POST /v1/embeddings?x=1 HTTP/1.1\r\n"
              + "Host: 127.0.0.1:8080\r\n"
              + "Content-Type: application/json\r\n"
              + "Accept: application/json\r\n"
              + "Authorization: Bearer key-1\r\n"
              + "Content-Length: "
              + body.length
              + "\r\n\r\n"
              + "{\"model\":\"m\",\"input\":[\"é\"]}",
          text(requests.request(0)));
      assertEquals("127.0.0.1", requests.host());
      assertEquals(8080, requests.port());
    }
  }

  @Test
  void requestsCycleThroughTheBodiesAndEachSendHasItsOwnReference() {
    try (EncodedRequests requests =
        EncodedRequests.encode(
            URI.create("http://localhost/v1/embeddings"),
            null,
            List.of(
                "a".getBytes(StandardCharsets.US_ASCII),
                "bb".getBytes(StandardCharsets.US_ASCII)))) {
      String first = text(requests.request(0));
      assertFalse(first.contains("Authorization"), first);
      assertEquals(
          first,
          text(requests.request(2)),
          "index 2 is body 0 again, still readable after a release");
      String second = text(requests.request(3));
      assertEquals("bb", second.substring(second.length() - 2));
      assertEquals(80, requests.port());
    }
  }

  @Test
  void onlyPlainHttpIsAccepted() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            EncodedRequests.encode(
                URI.create("https://127.0.0.1/v1/embeddings"), null, List.of(new byte[] {'{'})));
  }
}
