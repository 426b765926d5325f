package dev.embedbench.loadgen.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every distinct request of a run as the bytes that go on the wire: request line, headers and JSON
 * body, encoded once before the run into direct buffers, so that sending one is a single write of a
 * shared buffer. Each send takes its own reference ({@link #request}), which the channel releases
 * once written.
 */
public final class EncodedRequests implements AutoCloseable {

  private final ByteBuf[] requests;
  private final String host;
  private final int port;

  private EncodedRequests(ByteBuf[] requests, String host, int port) {
    this.requests = requests;
    this.host = host;
    this.port = port;
  }

  /**
   * @param url where to POST, an {@code http://} URL
   * @param apiKey sent as a bearer token; null or empty for none
   * @param bodies the JSON bodies, in the workload's order
   */
  public static EncodedRequests encode(URI url, String apiKey, List<byte[]> bodies) {
    if (!"http".equals(url.getScheme()) || url.getHost() == null) {
      throw new IllegalArgumentException("the HTTP/1.1 client takes http:// URLs only, got " + url);
    }
    if (bodies.isEmpty()) {
      throw new IllegalArgumentException("no request bodies to encode");
    }
    int port = url.getPort() == -1 ? 80 : url.getPort();
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) {
      path += "?" + url.getRawQuery();
    }
    StringBuilder head =
        new StringBuilder(256)
            .append("POST ")
            .append(path)
            .append(" HTTP/1.1\r\n")
            .append("Host: ")
            .append(url.getHost())
            .append(url.getPort() == -1 ? "" : ":" + url.getPort())
            .append("\r\n")
            .append("Content-Type: application/json\r\n")
            .append("Accept: application/json\r\n");
    if (apiKey != null && !apiKey.isEmpty()) {
      head.append("Authorization: Bearer ").append(apiKey).append("\r\n");
    }
    ByteBuf[] requests = new ByteBuf[bodies.size()];
    for (int i = 0; i < requests.length; i++) {
      byte[] body = bodies.get(i);
      byte[] headBytes =
          (head + "Content-Length: " + body.length + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      requests[i] =
          Unpooled.directBuffer(headBytes.length + body.length)
              .writeBytes(headBytes)
              .writeBytes(body);
    }
    return new EncodedRequests(requests, url.getHost(), port);
  }

  /**
   * Request {@code index} of the run, cycling through the bodies as the workload does; the caller's
   * to release.
   */
  public ByteBuf request(long index) {
    return requests[(int) (index % requests.length)].retainedDuplicate();
  }

  public int size() {
    return requests.length;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    for (ByteBuf request : requests) {
      if (request.refCnt() > 0) {
        request.release();
      }
    }
  }
}
