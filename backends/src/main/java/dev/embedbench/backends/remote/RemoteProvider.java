package dev.embedbench.backends.remote;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.MatryoshkaRange;
import dev.embedbench.backends.spi.BackendProvider;
import dev.embedbench.backends.spi.BackendSpec;
import dev.embedbench.backends.spi.BackendTarget;
import dev.embedbench.backends.spi.StartedBackend;
import dev.embedbench.backends.wire.VectorCheck;
import dev.embedbench.config.ConfigNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: remote}: an OpenAI-compatible server over HTTP, whose model the file declares (a
 * remote server cannot be asked). An upstream that is down at start does not stop the gateway: the
 * target stays unready while its health probe keeps trying.
 */
public final class RemoteProvider implements BackendProvider {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteProvider.class);
  private static final Set<String> KEYS =
      Set.of(
          "url",
          "upstream_model",
          "api_key",
          "max_connections",
          "health_path",
          "model",
          "normalized");
  private static final Set<String> MODEL_KEYS =
      Set.of("name", "dimensions", "max_input_tokens", "matryoshka", "tokenizer", "normalized");
  private static final Set<String> MATRYOSHKA_KEYS = Set.of("min", "max");

  @Override
  public String type() {
    return RemoteSpec.TYPE;
  }

  @Override
  public Set<String> keys() {
    return KEYS;
  }

  @Override
  public RemoteSpec read(ConfigNode node, UnaryOperator<String> environment) {
    String url = node.text("url");
    URI baseUrl;
    try {
      baseUrl = new URI(url);
    } catch (URISyntaxException e) {
      throw node.error("url", "is not a URL: " + e.getMessage());
    }
    if (!("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))
        || baseUrl.getHost() == null) {
      throw node.error("url", "must be an http:// or https:// URL with a host, was '" + url + "'");
    }
    if (!node.has("model")) {
      throw node.error(
          "model",
          "is required for a remote target: name, dimensions and"
              + " max_input_tokens of what the server serves");
    }
    DeclaredModel model = declaredModel(node.object("model"));
    String apiKey = node.secret("api_key", environment).orElse(null);
    String healthPath = node.text("health_path", "/health");
    if (!healthPath.startsWith("/")) {
      throw node.error("health_path", "must start with '/', was '" + healthPath + "'");
    }
    boolean verifyUnitNorm = node.bool("normalized", false);
    if (verifyUnitNorm && !model.normalized()) {
      throw node.error(
          "normalized",
          "asks the gateway to check for unit vectors, but model.normalized"
              + " says the server does not return them");
    }
    return new RemoteSpec(
        baseUrl,
        node.text("upstream_model", model.name()),
        apiKey,
        node.intValue("max_connections", 32, 1),
        healthPath,
        model,
        verifyUnitNorm);
  }

  private static DeclaredModel declaredModel(ConfigNode node) {
    node.rejectUnknownKeys(MODEL_KEYS);
    String name = node.text("name");
    int dimensions = node.intValue("dimensions", 1);
    int maxInputTokens = node.intValue("max_input_tokens", 1);
    MatryoshkaRange matryoshka = null;
    if (node.has("matryoshka")) {
      ConfigNode m = node.object("matryoshka");
      m.rejectUnknownKeys(MATRYOSHKA_KEYS);
      int min = m.intValue("min", 1, 1);
      int max = m.intValue("max", dimensions, 1);
      if (max < min) {
        throw m.error("max", "must be >= min (" + min + "), was " + max);
      }
      if (max > dimensions) {
        throw m.error("max", "must be <= dimensions (" + dimensions + "), was " + max);
      }
      matryoshka = new MatryoshkaRange(min, max);
    }
    return new DeclaredModel(
        name,
        dimensions,
        maxInputTokens,
        matryoshka,
        node.text("tokenizer", null),
        node.bool("normalized", true));
  }

  @Override
  public Future<StartedBackend> start(Vertx vertx, BackendSpec backendSpec, BackendTarget target) {
    RemoteSpec spec = (RemoteSpec) backendSpec;
    RemoteBackend backend =
        new RemoteBackend(
            vertx,
            new RemoteTarget(
                target.name(),
                spec.baseUrl(),
                spec.upstreamModel(),
                spec.apiKey(),
                target.timeout(),
                spec.maxConnections(),
                spec.healthPath(),
                spec.model().toModelInfo(BackendKind.REMOTE, spec.baseUrl().toString()),
                spec.verifyUnitNorm() ? VectorCheck.UNIT_NORM : VectorCheck.FINITE_NONZERO));
    return backend
        .start()
        .recover(
            cause -> {
              LOG.warn(
                  "Target {} is not ready at start ({}); its probe keeps trying",
                  target.name(),
                  cause.getMessage());
              return Future.succeededFuture();
            })
        .map(ready -> StartedBackend.of(backend));
  }
}
