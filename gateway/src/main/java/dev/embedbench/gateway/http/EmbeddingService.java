package dev.embedbench.gateway.http;

import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.gateway.routing.EmbeddingsOutcome;
import dev.embedbench.gateway.routing.Gateway;
import dev.embedbench.gateway.routing.ModelListing;
import io.vertx.core.Future;
import java.util.List;

/**
 * What the HTTP layer needs from the gateway's routing: the narrow port it is written and tested
 * against. {@link #of(Gateway)} adapts the real router.
 */
public interface EmbeddingService {

  /** Serves one request; fails only with {@link dev.embedbench.backends.wire.ApiException}. */
  Future<EmbeddingsOutcome> embed(EmbeddingsRequest request);

  /**
   * As {@link #embed(EmbeddingsRequest)}, giving up the upstream work when {@code abandoned}
   * completes.
   */
  default Future<EmbeddingsOutcome> embed(EmbeddingsRequest request, Future<Void> abandoned) {
    return embed(request);
  }

  /** The models served, for {@code GET /v1/models}. */
  List<ModelListing> models();

  /** True when every route has a ready target. */
  boolean ready();

  /** Releases backends; called once the HTTP server has drained. */
  Future<Void> close();

  static EmbeddingService of(Gateway gateway) {
    return new EmbeddingService() {
      @Override
      public Future<EmbeddingsOutcome> embed(EmbeddingsRequest request) {
        return gateway.embed(request);
      }

      @Override
      public Future<EmbeddingsOutcome> embed(EmbeddingsRequest request, Future<Void> abandoned) {
        return gateway.embed(request, abandoned);
      }

      @Override
      public List<ModelListing> models() {
        return gateway.models();
      }

      @Override
      public boolean ready() {
        return gateway.ready();
      }

      @Override
      public Future<Void> close() {
        return gateway.close();
      }
    };
  }
}
