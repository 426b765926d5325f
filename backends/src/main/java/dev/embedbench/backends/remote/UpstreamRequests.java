package dev.embedbench.backends.remote;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of an embeddings call: a request head that is the same for every call to a target,
 * encoded once, then the body's length and the body. One buffer per call, written in one go.
 */
final class UpstreamRequests {

  private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final byte[] headUpToLength;

  /**
   * @param embeddingsUrl the absolute URL to POST to
   * @param apiKey sent as a bearer token, or null
   */
  UpstreamRequests(URI embeddingsUrl, String apiKey) {
    int port = embeddingsUrl.getPort();
    String host = embeddingsUrl.getHost() + (port < 0 ? "" : ":" + port);
    StringBuilder head =
        new StringBuilder()
            .append("POST ")
            .append(embeddingsUrl.getRawPath())
            .append(" HTTP/1.1\r\nHost: ")
            .append(host)
            .append("\r\nContent-Type: application/json\r\nAccept: application/json")
            .append("\r\nUser-Agent: embedbench\r\n");
    if (apiKey != null) {
      if (!apiKey.chars().allMatch(c -> c > ' ' && c < 127)) {
        throw new IllegalArgumentException("the API key must be printable ASCII without spaces");
      }
      head.append("Authorization: Bearer ").append(apiKey).append("\r\n");
    }
    head.append("Content-Length: ");
    this.headUpToLength = head.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * The whole request for {@code body}, in a buffer from {@code allocator} (the channel frees it).
   */
  ByteBuf encode(ByteBufAllocator allocator, byte[] body) {
    byte[] length = Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII);
    ByteBuf out =
        allocator.buffer(headUpToLength.length + length.length + END_OF_HEAD.length + body.length);
    return out.writeBytes(headUpToLength)
        .writeBytes(length)
        .writeBytes(END_OF_HEAD)
        .writeBytes(body);
  }
}
