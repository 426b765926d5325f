package dev.embedbench.gateway.http;

import dev.embedbench.gateway.routing.ModelListing;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /v1/models}: OpenAI's list shape ({@code id, object, created, owned_by}) plus what a
 * caller of an embeddings API needs: {@code dimensions}, {@code max_input_tokens}, {@code kind}
 * (in-process, remote or emulated) and the {@code aliases} that reach the same route. The models
 * are fixed at start, so the body is built once.
 */
final class ModelsHandler implements Handler<RoutingContext> {

  private final String body;

  ModelsHandler(List<ModelListing> models) {
    JsonArray data = new JsonArray();
    for (ModelListing model : models) {
      data.add(
          new JsonObject()
              .put("id", model.id())
              .put("object", "model")
              .put("created", model.created())
              .put("owned_by", model.ownedBy())
              .put("dimensions", model.dimensions())
              .put("max_input_tokens", model.maxInputTokens())
              .put("kind", model.kind().label())
              .put("aliases", new JsonArray(List.copyOf(model.aliases()))));
    }
    this.body = new JsonObject().put("object", "list").put("data", data).encode();
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json").end(body);
  }
}
