package dev.embedbench.loadgen.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;

/**
 * The HTTP side of a target: a client whose pool opens at most {@code connections} connections, the
 * prepared POST to {@code <base>/embeddings}, and the {@code <base>/models} probe that finds the
 * model's {@code kind} label when the server reports one (embedbench's gateway does).
 */
public final class TargetClient implements AutoCloseable {

  public static final String UNKNOWN_KIND = "unknown";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String apiKey;
  private final Duration timeout;
  private final HttpClientAgent client;

  /**
   * @param baseUrl the API's base URL as in the OpenAI SDKs' {@code base_url}, e.g. {@code
   *     http://host:8080/v1}
   * @param apiKey null for none
   */
  public TargetClient(
      Vertx vertx, String baseUrl, String apiKey, int connections, Duration timeout) {
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be >= 1, got " + connections);
    }
    this.baseUrl = normalise(baseUrl);
    this.apiKey = apiKey;
    this.timeout = timeout;
    // Connections live on the event loop of the context that asks for them (the driver's), so that
    // responses are handled where they are read, with no hop between threads.
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
  }

  /** Checks the URL's shape and drops a trailing slash. */
  public static String normalise(String baseUrl) {
    URI uri;
    try {
      uri = URI.create(baseUrl.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "target must be a URL such as http://127.0.0.1:8080/v1, got '" + baseUrl + "'");
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "target must be an http(s) URL such as http://127.0.0.1:8080/v1, got '" + baseUrl + "'");
    }
    String text = uri.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String embeddingsUrl() {
    return baseUrl + "/embeddings";
  }

  public HttpClientAgent http() {
    return client;
  }

  public RequestOptions embeddingsRequest() {
    return withHeaders(
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(embeddingsUrl())
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json"));
  }

  private RequestOptions withHeaders(RequestOptions options) {
    options
        .setConnectTimeout(timeout.toMillis())
        .setIdleTimeout(timeout.toMillis())
        .putHeader(HttpHeaders.ACCEPT, "application/json");
    if (apiKey != null && !apiKey.isEmpty()) {
      options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey);
    }
    return options;
  }

  /**
   * The {@code kind} that {@code GET <base>/models} reports for {@code model}, else {@value
   * #UNKNOWN_KIND}.
   */
  public Future<String> probeKind(String model) {
    RequestOptions options =
        withHeaders(
            new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(baseUrl + "/models"));
    return client
        .request(options)
        .compose(request -> request.send())
        .compose(
            response ->
                response.statusCode() == 200
                    ? response.body()
                    : Future.failedFuture("no model list"))
        .map(body -> kindIn(body.toString(), model))
        .otherwise(UNKNOWN_KIND);
  }

  static String kindIn(String modelsJson, String model) {
    try {
      JsonNode data = JSON.readTree(modelsJson).path("data");
      for (JsonNode entry : data) {
        if (model.equals(entry.path("id").asText()) && entry.path("kind").isTextual()) {
          return entry.path("kind").asText();
        }
      }
    } catch (java.io.IOException e) {
      return UNKNOWN_KIND;
    }
    return UNKNOWN_KIND;
  }

  @Override
  public void close() {
    client.close();
  }
}
