package dev.embedbench.gateway.routing;

import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.Base64Text;
import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.backends.wire.EmbeddingsResponse;
import dev.embedbench.config.ConfigException;
import dev.embedbench.gateway.config.GatewayConfig;
import dev.embedbench.gateway.config.RetryConfig;
import dev.embedbench.gateway.config.RouteConfig;
import dev.embedbench.gateway.config.ShadowConfig;
import dev.embedbench.gateway.config.TargetConfig;
import dev.embedbench.gateway.routing.shadow.ShadowMirror;
import dev.embedbench.gateway.routing.targets.OwnedBackend;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

  /** A name clients may use: the route it reaches and whether the route's instruction applies. */
  private record Entry(Route route, boolean withInstruction, ShadowPlan shadow) {}

  /** Where a route's shadow traffic goes. */
  private record ShadowPlan(ShadowMirror mirror, Route destination, boolean destinationIsRoute) {}

  private final List<Route> routes;
  private final Map<String, Entry> byName;
  private final List<OwnedBackend> owned;
  private final List<Meter> meters;
  private final MeterRegistry registry;
  private final long createdEpochSeconds;

  private Gateway(
      List<Route> routes,
      Map<String, Entry> byName,
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

  public static Future<Gateway> start(
      Vertx vertx, GatewayConfig config, MeterRegistry registry, GatewayOptions options) {
    List<TargetConfig> targetConfigs = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int r = 0; r < config.routes().size(); r++) {
      RouteConfig route = config.routes().get(r);
      for (int t = 0; t < route.targets().size(); t++) {
        targetConfigs.add(route.targets().get(t));
        keys.add("routes[" + r + "].targets[" + t + "]");
      }
      if (route.shadow() != null && route.shadow().target() != null) {
        targetConfigs.add(route.shadow().target());
        keys.add("routes[" + r + "].shadow.target");
      }
    }
    List<Future<OwnedBackend>> starts = new ArrayList<>();
    for (int i = 0; i < targetConfigs.size(); i++) {
      TargetConfig target = targetConfigs.get(i);
      String key = keys.get(i);
      Future<OwnedBackend> start;
      try {
        start = options.backends().create(vertx, target);
      } catch (RuntimeException e) {
        start = Future.failedFuture(e);
      }
      starts.add(
          start.recover(
              e ->
                  Future.failedFuture(
                      new ConfigException(
                          config.source(),
                          key,
                          "target '" + target.name() + "' could not start: " + e.getMessage()))));
    }
    return Future.join(starts)
        .transform(
            all -> {
              Map<String, OwnedBackend> started = new HashMap<>();
              List<OwnedBackend> owned = new ArrayList<>();
              for (int i = 0; i < starts.size(); i++) {
                if (starts.get(i).succeeded()) {
                  started.put(targetConfigs.get(i).name(), starts.get(i).result());
                  owned.add(starts.get(i).result());
                }
              }
              try {
                if (all.failed()) {
                  throw all.cause();
                }
                return Future.succeededFuture(
                    assemble(vertx, config, registry, options, started, owned));
              } catch (Throwable failure) {
                return releaseAll(owned).transform(ignored -> Future.failedFuture(failure));
              }
            });
  }

  private static Gateway assemble(
      Vertx vertx,
      GatewayConfig config,
      MeterRegistry registry,
      GatewayOptions options,
      Map<String, OwnedBackend> started,
      List<OwnedBackend> owned) {
    List<Meter> meters = new ArrayList<>();
    Map<String, Route> routesByName = new LinkedHashMap<>();
    try {
      for (int r = 0; r < config.routes().size(); r++) {
        RouteConfig routeConfig = config.routes().get(r);
        List<Target> targets = new ArrayList<>();
        for (TargetConfig targetConfig : routeConfig.targets()) {
          Target target =
              new Target(
                  targetConfig,
                  started.get(targetConfig.name()).backend(),
                  routeConfig.name(),
                  vertx,
                  registry,
                  options.nanoClock());
          meters.addAll(target.meters());
          targets.add(target);
        }
        StartChecks.check(config.source(), "routes[" + r + "]", routeConfig, targets);
        routesByName.put(
            routeConfig.name(),
            new Route(routeConfig, targets, options.random(), options.nanoClock()));
      }
      Map<String, Entry> byName = new HashMap<>();
      for (Route route : routesByName.values()) {
        ShadowPlan shadow = shadowPlan(vertx, registry, options, started, route, routesByName);
        if (shadow != null) {
          meters.addAll(shadow.mirror().meters());
          if (!shadow.destinationIsRoute()) {
            shadow.destination().targets().forEach(t -> meters.addAll(t.meters()));
          }
        }
        RouteConfig rc = route.config();
        byName.put(rc.name(), new Entry(route, true, shadow));
        rc.aliases().forEach(alias -> byName.put(alias, new Entry(route, true, shadow)));
        if (rc.instruction() != null) {
          rc.instruction()
              .documentAliases()
              .forEach(alias -> byName.put(alias, new Entry(route, false, shadow)));
        }
      }
      return new Gateway(
          List.copyOf(routesByName.values()), Map.copyOf(byName), owned, meters, registry);
    } catch (RuntimeException e) {
      meters.forEach(registry::remove);
      throw e;
    }
  }

  private static ShadowPlan shadowPlan(
      Vertx vertx,
      MeterRegistry registry,
      GatewayOptions options,
      Map<String, OwnedBackend> started,
      Route route,
      Map<String, Route> routesByName) {
    ShadowConfig shadow = route.config().shadow();
    if (shadow == null) {
      return null;
    }
    Route destination;
    boolean sameSpace;
    if (shadow.route() != null) {
      destination = routesByName.get(shadow.route());
      sameSpace =
          StartChecks.commonSpace(route).isPresent()
              && StartChecks.commonSpace(route).equals(StartChecks.commonSpace(destination))
              && sameInstruction(route.config(), destination.config());
    } else {
      TargetConfig targetConfig = shadow.target();
      Target target =
          new Target(
              targetConfig,
              started.get(targetConfig.name()).backend(),
              route.name(),
              vertx,
              registry,
              options.nanoClock());
      RouteConfig single =
          new RouteConfig(
              targetConfig.name(),
              List.of(),
              "embedbench",
              false,
              null,
              null,
              RetryConfig.defaults(),
              null,
              List.of(targetConfig));
      destination = new Route(single, List.of(target), options.random(), options.nanoClock());
      sameSpace =
          StartChecks.commonSpace(route).isPresent()
              && StartChecks.commonSpace(route).equals(StartChecks.commonSpace(destination));
    }
    ShadowMirror mirror =
        new ShadowMirror(
            route.name(),
            shadow,
            sameSpace,
            vertx,
            registry,
            options.random(),
            options.nanoClock());
    return new ShadowPlan(mirror, destination, shadow.route() != null);
  }

  private static boolean sameInstruction(RouteConfig a, RouteConfig b) {
    if (a.instruction() == null || b.instruction() == null) {
      return a.instruction() == null && b.instruction() == null;
    }
    return Arrays.equals(a.instruction().prefixAndSuffix(), b.instruction().prefixAndSuffix());
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
    Entry entry = byName.get(request.model());
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
      Entry entry,
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
    return releaseAll(owned);
  }

  private static Future<Void> releaseAll(List<OwnedBackend> owned) {
    List<Future<Void>> releases = new ArrayList<>();
    for (OwnedBackend backend : owned) {
      try {
        releases.add(backend.release().get());
      } catch (RuntimeException e) {
        LOG.warn("Closing a backend failed: {}", e.toString());
      }
    }
    return Future.join(releases)
        .transform(
            done -> {
              if (done.failed()) {
                LOG.warn("Closing a backend failed: {}", Objects.toString(done.cause()));
              }
              return Future.<Void>succeededFuture();
            });
  }
}
