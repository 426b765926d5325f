package dev.embedbench.backends.emulated;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * {@code GET /health} in SGLang's form ({@code {"status":"ok","model_type":"embedding"}}, 503 while
 * loading) and {@code GET /v1/models}, which states that the model is emulated and on what.
 */
final class StatusEndpoints {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EmulatorProfile profile;
  private final FailureInjector failures;
  private final long createdEpochSeconds = Instant.now().getEpochSecond();

  StatusEndpoints(EmulatorProfile profile, FailureInjector failures) {
    this.profile = profile;
    this.failures = failures;
  }

  void health(RoutingContext ctx) {
    boolean loading = failures.loading(System.nanoTime());
    ObjectNode body =
        JSON.createObjectNode()
            .put("status", loading ? "loading" : "ok")
            .put("model_type", "embedding");
    ctx.response()
        .setStatusCode(loading ? 503 : 200)
        .putHeader("Content-Type", "application/json")
        .end(body.toString());
  }

  void models(RoutingContext ctx) {
    ObjectNode model =
        JSON.createObjectNode()
            .put("id", profile.model())
            .put("object", "model")
            .put("created", createdEpochSeconds)
            .put("owned_by", "embedbench-emulator")
            .put("dimensions", profile.dimensions())
            .put("max_input_tokens", profile.maxInputTokens())
            .put("max_model_len", profile.maxInputTokens())
            .put("kind", "emulated")
            .put("emulates", profile.hardware())
            .put("profile", profile.name());
    ObjectNode body = JSON.createObjectNode().put("object", "list");
    ArrayNode data = body.putArray("data");
    data.add(model);
    ctx.response().putHeader("Content-Type", "application/json").end(body.toString());
  }
}
