package dev.embedbench.results;

/**
 * How the generator itself ran, written to {@code config.json} and {@code summary.json} so that
 * capacity figures can be compared like for like.
 *
 * @param eventLoops the event loops that dispatched requests and read responses
 * @param httpClient {@code netty} (embedbench's lean HTTP/1.1 client) or {@code vertx}
 */
public record GeneratorInfo(int eventLoops, String httpClient) {

  public GeneratorInfo {
    if (eventLoops < 1) {
      throw new IllegalArgumentException("eventLoops must be >= 1, got " + eventLoops);
    }
    if (httpClient == null || httpClient.isBlank()) {
      throw new IllegalArgumentException("httpClient must be named");
    }
  }
}
