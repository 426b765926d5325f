package dev.embedbench.loadgen.driver;

import java.util.Locale;

/**
 * Which HTTP client a run sends through. {@link #NETTY} is embedbench's own lean HTTP/1.1 client
 * ({@code loadgen.http}), plain {@code http://} only; {@link #VERTX} is Vert.x's {@code
 * HttpClient}, which also speaks TLS and serves as the baseline the lean client is benchmarked
 * against.
 */
public enum HttpClientKind {
  NETTY("netty"),
  VERTX("vertx");

  private final String label;

  HttpClientKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The client for a target URL when none is asked for: the lean one wherever it can go. */
  public static HttpClientKind defaultFor(String targetUrl) {
    return targetUrl.toLowerCase(Locale.ROOT).startsWith("http://") ? NETTY : VERTX;
  }

  public static HttpClientKind parse(String text) {
    for (HttpClientKind kind : values()) {
      if (kind.label.equalsIgnoreCase(text.trim())) {
        return kind;
      }
    }
    throw new IllegalArgumentException("HTTP client must be netty or vertx, got '" + text + "'");
  }

  /** Checks that this client can reach {@code targetUrl}. */
  public void requireSupports(String targetUrl) {
    if (this == NETTY && !targetUrl.toLowerCase(Locale.ROOT).startsWith("http://")) {
      throw new IllegalArgumentException(
          "the netty HTTP client speaks plain http:// only; use the vertx client for " + targetUrl);
    }
  }
}
