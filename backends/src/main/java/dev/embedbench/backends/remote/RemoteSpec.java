package dev.embedbench.backends.remote;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.ModelInfo;
import dev.embedbench.backends.spi.BackendSpec;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A target that is an OpenAI-compatible server reached over HTTP ({@code type: remote}).
 *
 * @param baseUrl the server's base URL; requests go to {@code <base>/v1/embeddings}
 * @param upstreamModel the model name sent upstream
 * @param apiKey bearer token for the upstream, resolved from {@code ${ENV_VAR}}, or null
 * @param maxConnections keep-alive pool size
 * @param healthPath path probed for readiness
 * @param model what the server serves
 * @param verifyUnitNorm whether every vector's L2 norm is checked to be 1 (YAML {@code normalized:
 *     true}); non-finite and all-zero vectors are refused whatever this says
 */
public record RemoteSpec(
    URI baseUrl,
    String upstreamModel,
    String apiKey,
    int maxConnections,
    String healthPath,
    DeclaredModel model,
    boolean verifyUnitNorm)
    implements BackendSpec {

  public static final String TYPE = "remote";

  public RemoteSpec {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(upstreamModel, "upstreamModel");
    Objects.requireNonNull(healthPath, "healthPath");
    Objects.requireNonNull(model, "model");
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be >= 1, was " + maxConnections);
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Optional<ModelInfo> declaredInfo() {
    return Optional.of(model.toModelInfo(BackendKind.REMOTE, baseUrl.toString()));
  }

  @Override
  public boolean normalized() {
    return model.normalized();
  }

  /** Keeps the upstream key out of logs. */
  @Override
  public String toString() {
    return "RemoteSpec[baseUrl="
        + baseUrl
        + ", upstreamModel="
        + upstreamModel
        + ", apiKey="
        + (apiKey == null ? "none" : "set")
        + ", maxConnections="
        + maxConnections
        + ", healthPath="
        + healthPath
        + ", model="
        + model
        + ", verifyUnitNorm="
        + verifyUnitNorm
        + "]";
  }
}
