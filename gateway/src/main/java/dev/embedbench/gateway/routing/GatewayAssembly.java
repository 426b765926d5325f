package dev.embedbench.gateway.routing;

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
import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
 * Builds a {@link Gateway} from its configuration, once at start: starts every target's backend,
 * wraps each in a {@link Target}, checks each route's targets agree ({@link StartChecks}), and maps
 * every name, alias and document alias to its route and shadow plan. Serving is {@link Gateway}'s.
 */
final class GatewayAssembly {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayAssembly.class);

  private GatewayAssembly() {}

  /** See {@link Gateway#start(Vertx, GatewayConfig, MeterRegistry, GatewayOptions)}. */
  static Future<Gateway> start(
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
      Map<String, RouteEntry> byName = new HashMap<>();
      for (Route route : routesByName.values()) {
        ShadowPlan shadow = shadowPlan(vertx, registry, options, started, route, routesByName);
        if (shadow != null) {
          meters.addAll(shadow.mirror().meters());
          if (!shadow.destinationIsRoute()) {
            shadow.destination().targets().forEach(t -> meters.addAll(t.meters()));
          }
        }
        RouteConfig rc = route.config();
        byName.put(rc.name(), new RouteEntry(route, true, shadow));
        rc.aliases().forEach(alias -> byName.put(alias, new RouteEntry(route, true, shadow)));
        if (rc.instruction() != null) {
          rc.instruction()
              .documentAliases()
              .forEach(alias -> byName.put(alias, new RouteEntry(route, false, shadow)));
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

  /** Closes every started backend; a failure to close is logged, never passed on. */
  static Future<Void> releaseAll(List<OwnedBackend> owned) {
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
