package dev.embedbench.gateway.routing;

import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.Base64Text;
import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.backends.wire.EmbeddingsResponse;
import dev.embedbench.config.ConfigException;
import dev.embedbench.gateway.config.GatewayConfig;
import dev.embedbench.gateway.config.RouteConfig;
import dev.embedbench.gateway.routing.targets.OwnedBackend;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's serving path between a parsed request and the response vectors: route lookup,
 * validation, instruction, target choice with failover, splitting, Matryoshka truncation,
 * shadowing.
 *
 * <p>{@link #embed} may be called from any event loop; its future completes on the caller's
 * context.
 */
public final class Gateway {

  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  private final List<Route> routes;
  private final Map<String, RouteEntry> byName;
  private final List<OwnedBackend> owned;
  private final List<Meter> meters;
  private final MeterRegistry registry;
  private final long createdEpochSeconds;

  Gateway(
      List<Route> routes,
      Map<String, RouteEntry> byName,
      List<OwnedBackend> owned,
      List<Meter> meters,
      MeterRegistry registry) {
    this.routes = routes;
    this.byName = byName;
    this.owned = owned;
    this.meters = meters;
    this.registry = registry;
    this.createdEpochSeconds = Instant.now().getEpochSecond();
  }

  /**
   * Builds and starts every target's backend (emulated targets start their emulator on loopback).
   * Fails with a {@link ConfigException} naming the target's key when a backend cannot start or
   * serves something other than the configuration says; whatever did start is closed again.
   */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, MeterRegistry registry) {
    return start(vertx, config, registry, GatewayOptions.defaults());
  }

  /** As {@link #start(Vertx, GatewayConfig, MeterRegistry)}, built with {@code options}. */
  public static Future<Gateway> start(
      Vertx vertx, GatewayConfig config, MeterRegistry registry, GatewayOptions options) {
    return GatewayAssembly.start(vertx, config, registry, options);
  }

  /**
   * Serves one request: 404 for an unknown model, 400 for what the route cannot serve, 429 when
   * every target is full, 503 when none is ready, and the upstream's error (502, 504...) when
   * failover ran out. Fails only with {@link ApiException}.
   */
  public Future<EmbeddingsOutcome> embed(EmbeddingsRequest request) {
    return embed(request, Promise.<Void>promise().future());
  }

  /**
   * As {@link #embed(EmbeddingsRequest)}; when {@code abandoned} completes (the client went away)
   * the upstream call in progress is cancelled and no failover follows.
   */
  public Future<EmbeddingsOutcome> embed(EmbeddingsRequest request, Future<Void> abandoned) {
    Future<EmbeddingsOutcome> outcome;
    try {
      outcome = serve(request, abandoned);
    } catch (RuntimeException e) {
      outcome = Future.failedFuture(e);
    }
    // One place where a bug becomes a plain 500: the client never sees its details.
    return outcome.recover(
        failure -> {
          if (!(failure instanceof ApiException)) {
            LOG.error("Serving model '{}' failed unexpectedly", request.model(), failure);
          }
          return Future.failedFuture(AttemptOutcome.asApiException(failure));
        });
  }

  private Future<EmbeddingsOutcome> serve(EmbeddingsRequest request, Future<Void> abandoned) {
    RouteEntry entry = byName.get(request.model());
    if (entry == null) {
      return Future.failedFuture(new ApiException(ApiError.modelNotFound(request.model())));
    }
    Route route = entry.route();
    PreparedRequest prepared;
    try {
      prepared = route.prepare(request, entry.withInstruction());
    } catch (ApiException e) {
      return Future.failedFuture(e);
    }
    Future<Target.Answer> answer = route.dispatch(prepared, true, abandoned);
    if (entry.shadow() != null) {
      // After the current handler returns, so the shadow's request encoding never runs ahead of
      // the client's own work on this event loop.
      Context context = Vertx.currentContext();
      if (context != null) {
        context.runOnContext(v -> mirror(entry, request, prepared, answer));
      } else {
        mirror(entry, request, prepared, answer);
      }
    }
    return answer.map(a -> outcome(route, prepared, a));
  }

  private static void mirror(
      RouteEntry entry,
      EmbeddingsRequest request,
      PreparedRequest prepared,
      Future<Target.Answer> answer) {
    ShadowPlan plan = entry.shadow();
    Route destination = plan.destination();
    plan.mirror()
        .maybeMirror(
            () -> {
              PreparedRequest shadowRequest =
                  plan.destinationIsRoute()
                      ? destination.prepare(withoutDimensions(request), entry.withInstruction())
                      : prepared;
              return destination.dispatch(shadowRequest, false).map(Target.Answer::vectors);
            },
            answer.map(Target.Answer::vectors));
  }

  /**
   * The shadow route gets full vectors: the client's size may not exist there, and cosine needs
   * none.
   */
  private static EmbeddingsRequest withoutDimensions(EmbeddingsRequest request) {
    return new EmbeddingsRequest(
        request.model(), request.inputs(), request.encodingFormat(), null, request.user());
  }

  private static EmbeddingsOutcome outcome(
      Route route, PreparedRequest prepared, Target.Answer answer) {
    List<float[]> vectors = answer.vectors();
    // The upstream's base64 can be passed on only for the vectors it describes, the full ones.
    List<Base64Text> base64 = answer.base64();
    Integer dimensions = prepared.dimensions();
    if (dimensions != null) {
      List<float[]> cut = new ArrayList<>(vectors.size());
      for (float[] vector : vectors) {
        cut.add(Matryoshka.truncate(vector, dimensions));
      }
      vectors = cut;
      base64 = null;
    }
    EmbeddingsResponse response =
        new EmbeddingsResponse(route.name(), vectors, answer.promptTokens(), base64);
    return new EmbeddingsOutcome(
        response,
        route.name(),
        answer.target().name(),
        answer.target().info().kind(),
        vectors.size(),
        answer.promptTokens());
  }

  /** One entry per route, in configuration order. */
  public List<ModelListing> models() {
    List<ModelListing> listings = new ArrayList<>(routes.size());
    for (Route route : routes) {
      RouteConfig rc = route.config();
      RouteModel model = route.model();
      listings.add(
          new ModelListing(
              rc.name(),
              rc.aliases(),
              createdEpochSeconds,
              rc.ownedBy(),
              model.dimensions(),
              model.maxInputTokens(),
              model.kind()));
    }
    return listings;
  }

  /** True when every route has a target that is ready and whose circuit is not open. */
  public boolean ready() {
    for (Route route : routes) {
      if (!route.ready()) {
        return false;
      }
    }
    return true;
  }

  /** Closes every backend and emulator this gateway started and removes its meters. */
  public Future<Void> close() {
    meters.forEach(registry::remove);
    return GatewayAssembly.releaseAll(owned);
  }
}
