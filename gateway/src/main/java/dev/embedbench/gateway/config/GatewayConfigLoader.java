package dev.embedbench.gateway.config;

import dev.embedbench.backends.EmbeddingSpace;
import dev.embedbench.backends.MatryoshkaRange;
import dev.embedbench.backends.ModelInfo;
import dev.embedbench.backends.spi.BackendProvider;
import dev.embedbench.backends.spi.BackendProviders;
import dev.embedbench.backends.spi.BackendSpec;
import dev.embedbench.config.ConfigErrors;
import dev.embedbench.config.ConfigException;
import dev.embedbench.config.ConfigFiles;
import dev.embedbench.config.ConfigNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Reads a gateway YAML file into a {@link GatewayConfig}, checking every rule it can at load. */
final class GatewayConfigLoader {

  private static final Set<String> TOP_KEYS = Set.of("server", "routes");
  private static final Set<String> SERVER_KEYS =
      Set.of(
          "host",
          "port",
          "api_keys",
          "max_body_bytes",
          "shutdown_deadline",
          "access_log",
          "idle_timeout",
          "request_read_timeout",
          "max_connections",
          "drain_delay",
          "transport");
  private static final Set<String> ROUTE_KEYS =
      Set.of(
          "name",
          "aliases",
          "owned_by",
          "allow_mixed_models",
          "default_dimensions",
          "instruction",
          "retry",
          "shadow",
          "targets");
  private static final Set<String> INSTRUCTION_KEYS =
      Set.of("task", "template", "document_aliases");
  private static final Set<String> RETRY_KEYS =
      Set.of("max_attempts", "budget_ratio", "budget_min_retries", "budget_window");
  private static final Set<String> SHADOW_KEYS =
      Set.of("route", "target", "fraction", "max_concurrency", "timeout");
  private static final Set<String> COMMON_TARGET_KEYS =
      Set.of(
          "name",
          "type",
          "weight",
          "timeout",
          "max_concurrency",
          "max_batch_inputs",
          "max_batch_tokens",
          "circuit_breaker");
  private static final Set<String> BREAKER_KEYS =
      Set.of("consecutive_failures", "failure_rate", "minimum_calls", "window", "open_duration");

  private final Path file;
  private final UnaryOperator<String> environment;

  /** Every model name and alias, to the key that declared it, so that duplicates name both. */
  private final Map<String, String> modelNames = new HashMap<>();

  private final Map<String, String> targetNames = new HashMap<>();

  GatewayConfigLoader(Path file, UnaryOperator<String> environment) {
    this.file = file;
    this.environment = environment;
  }

  GatewayConfig load() {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file, "", "file does not exist");
    }
    ConfigNode top = ConfigFiles.read(file, ConfigErrors.DEFAULT);
    if (!top.raw().isObject()) {
      throw new ConfigException(file, "", "must be a YAML mapping with 'server' and 'routes'");
    }
    top.rejectUnknownKeys(TOP_KEYS);
    ServerConfig server =
        top.has("server") ? server(top.object("server")) : ServerConfig.defaults();
    List<ConfigNode> routeNodes = top.objects("routes");
    if (routeNodes.isEmpty()) {
      throw top.error("routes", "must list at least one route");
    }
    List<RouteConfig> routes = new ArrayList<>();
    for (ConfigNode node : routeNodes) {
      routes.add(route(node));
    }
    checkShadowRoutes(routes, routeNodes);
    return new GatewayConfig(file, server, routes);
  }

  private ServerConfig server(ConfigNode node) {
    node.rejectUnknownKeys(SERVER_KEYS);
    return new ServerConfig(
        node.text("host", ServerConfig.DEFAULT_HOST),
        (int) node.longValue("port", ServerConfig.DEFAULT_PORT, 0, 65535),
        node.secrets("api_keys", environment),
        node.longValue("max_body_bytes", ServerConfig.DEFAULT_MAX_BODY_BYTES, 1, Long.MAX_VALUE),
        node.has("shutdown_deadline")
            ? node.positiveDuration("shutdown_deadline", null)
            : ServerConfig.DEFAULT_SHUTDOWN_DEADLINE,
        node.bool("access_log", true),
        node.positiveDuration("idle_timeout", ServerConfig.DEFAULT_IDLE_TIMEOUT),
        node.positiveDuration("request_read_timeout", ServerConfig.DEFAULT_REQUEST_READ_TIMEOUT),
        (int) node.longValue("max_connections", ServerConfig.DEFAULT_MAX_CONNECTIONS, 1, 1_000_000),
        node.duration("drain_delay", ServerConfig.DEFAULT_DRAIN_DELAY),
        node.has("transport")
            ? node.choice("transport", ServerTransport.class)
            : ServerTransport.NATIVE);
  }

  private RouteConfig route(ConfigNode node) {
    node.rejectUnknownKeys(ROUTE_KEYS);
    String name = node.text("name");
    claimModelName(node, "name", name);
    List<String> aliases = node.strings("aliases");
    for (int i = 0; i < aliases.size(); i++) {
      claimModelName(node, "aliases[" + i + "]", aliases.get(i));
    }
    InstructionConfig instruction =
        node.has("instruction") ? instruction(node.object("instruction")) : null;
    RetryConfig retry = node.has("retry") ? retry(node.object("retry")) : RetryConfig.defaults();
    List<ConfigNode> targetNodes = node.objects("targets");
    if (targetNodes.isEmpty()) {
      throw node.error("targets", "must list at least one target");
    }
    List<TargetConfig> targets = new ArrayList<>();
    for (int i = 0; i < targetNodes.size(); i++) {
      targets.add(target(targetNodes.get(i), name + "-" + i));
    }
    if (targets.stream().allMatch(t -> t.weight() == 0)) {
      throw node.error(
          "targets",
          "at least one target needs a weight above 0;"
              + " weight 0 marks a fallback used only on failover");
    }
    boolean allowMixed = node.bool("allow_mixed_models", false);
    if (!allowMixed) {
      checkOneSpace(node, targets);
    }
    Integer defaultDimensions = node.optionalInt("default_dimensions", 1).orElse(null);
    if (defaultDimensions != null) {
      checkDeclaredDimensions(node, targets, defaultDimensions);
    }
    ShadowConfig shadow = node.has("shadow") ? shadow(node.object("shadow"), name) : null;
    return new RouteConfig(
        name,
        aliases,
        node.text("owned_by", "embedbench"),
        allowMixed,
        defaultDimensions,
        instruction,
        retry,
        shadow,
        targets);
  }

  private void claimModelName(ConfigNode node, String key, String name) {
    String previous = modelNames.putIfAbsent(name, node.keyPath(key));
    if (previous != null) {
      throw node.error(key, "model name '" + name + "' is already used by " + previous);
    }
  }

  /** Targets whose space is known at load must all share the first known one. */
  private void checkOneSpace(ConfigNode route, List<TargetConfig> targets) {
    EmbeddingSpace first = null;
    int firstIndex = -1;
    for (int i = 0; i < targets.size(); i++) {
      EmbeddingSpace space = targets.get(i).spec().declaredSpace().orElse(null);
      if (space == null) {
        continue;
      }
      if (first == null) {
        first = space;
        firstIndex = i;
      } else if (!first.equals(space)) {
        throw route.error(
            "targets[" + i + "]",
            "serves "
                + space
                + " but targets["
                + firstIndex
                + "] serves "
                + first
                + "; vectors from another embedding space are silently wrong for the caller."
                + " Set allow_mixed_models: true on the route if this is intended");
      }
    }
  }

  private void checkDeclaredDimensions(
      ConfigNode route, List<TargetConfig> targets, int dimensions) {
    for (TargetConfig target : targets) {
      ModelInfo info = target.spec().declaredInfo().orElse(null);
      if (info == null) {
        continue;
      }
      MatryoshkaRange range = info.matryoshka();
      if (range == null || !range.contains(dimensions)) {
        throw route.error(
            "default_dimensions",
            "target "
                + target.name()
                + " ("
                + info.model()
                + ") "
                + (range == null
                    ? "has no Matryoshka range"
                    : "supports " + range.minDimensions() + " to " + range.maxDimensions()));
      }
    }
  }

  private InstructionConfig instruction(ConfigNode node) {
    node.rejectUnknownKeys(INSTRUCTION_KEYS);
    String template = node.text("template", InstructionConfig.QWEN3_TEMPLATE);
    int at = template.indexOf("{text}");
    if (at < 0 || template.indexOf("{text}", at + 1) >= 0) {
      throw node.error("template", "must contain {text} exactly once");
    }
    List<String> documentAliases = node.strings("document_aliases");
    for (int i = 0; i < documentAliases.size(); i++) {
      claimModelName(node, "document_aliases[" + i + "]", documentAliases.get(i));
    }
    return new InstructionConfig(node.text("task"), template, documentAliases);
  }

  private RetryConfig retry(ConfigNode node) {
    node.rejectUnknownKeys(RETRY_KEYS);
    RetryConfig d = RetryConfig.defaults();
    return new RetryConfig(
        (int) node.longValue("max_attempts", d.maxAttempts(), 1, 10),
        node.fraction("budget_ratio", d.budgetRatio()),
        node.intValue("budget_min_retries", d.budgetMinRetries(), 0),
        node.positiveDuration("budget_window", d.budgetWindow()));
  }

  private ShadowConfig shadow(ConfigNode node, String routeName) {
    node.rejectUnknownKeys(SHADOW_KEYS);
    String route = node.text("route", null);
    TargetConfig target = null;
    if (node.has("target")) {
      ConfigNode targetNode = node.object("target");
      if (targetNode.has("weight")) {
        throw targetNode.error("weight", "a shadow target gets the mirrored share, not a weight");
      }
      target = target(targetNode, routeName + "-shadow");
    }
    if ((route == null) == (target == null)) {
      throw node.error("set exactly one of 'route' (another route's name) and 'target'");
    }
    if (routeName.equals(route)) {
      throw node.error("route", "a route cannot shadow itself");
    }
    if (!node.has("fraction")) {
      throw node.error("fraction", "is required (the share of requests to mirror, 0 to 1)");
    }
    return new ShadowConfig(
        route,
        target,
        node.fraction("fraction", 0),
        node.intValue("max_concurrency", 16, 1),
        node.positiveDuration("timeout", Duration.ofSeconds(10)));
  }

  private void checkShadowRoutes(List<RouteConfig> routes, List<ConfigNode> nodes) {
    for (int i = 0; i < routes.size(); i++) {
      ShadowConfig shadow = routes.get(i).shadow();
      if (shadow != null
          && shadow.route() != null
          && routes.stream().noneMatch(r -> r.name().equals(shadow.route()))) {
        throw new ConfigException(
            file,
            nodes.get(i).keyPath("shadow.route"),
            "no route is named '" + shadow.route() + "' (aliases do not count)");
      }
    }
  }

  private TargetConfig target(ConfigNode node, String defaultName) {
    String type = node.text("type");
    BackendProvider provider =
        BackendProviders.find(type)
            .orElseThrow(
                () ->
                    node.error(
                        "type",
                        "unknown target type '"
                            + type
                            + "'; this build knows "
                            + BackendProviders.describeTypes()));
    Set<String> known = new HashSet<>(COMMON_TARGET_KEYS);
    known.addAll(provider.keys());
    node.rejectUnknownKeys(known);
    BackendSpec spec = provider.read(node, environment);
    String name = node.text("name", defaultName);
    String previous = targetNames.putIfAbsent(name, node.keyPath("name"));
    if (previous != null) {
      throw node.error(
          "name",
          "target name '"
              + name
              + "' is already used by "
              + previous
              + "; target names tag metrics and must be unique");
    }
    CircuitBreakerConfig breaker =
        node.has("circuit_breaker")
            ? breaker(node.object("circuit_breaker"))
            : CircuitBreakerConfig.defaults();
    return new TargetConfig(
        name,
        node.intValue("weight", 1, 0),
        node.positiveDuration("timeout", TargetConfig.DEFAULT_TIMEOUT),
        node.intValue("max_concurrency", TargetConfig.DEFAULT_MAX_CONCURRENCY, 1),
        (int) node.longValue("max_batch_inputs", 2048, 1, 2048),
        node.intValue("max_batch_tokens", Integer.MAX_VALUE, 1),
        breaker,
        spec);
  }

  private CircuitBreakerConfig breaker(ConfigNode node) {
    node.rejectUnknownKeys(BREAKER_KEYS);
    CircuitBreakerConfig d = CircuitBreakerConfig.defaults();
    double rate = node.fraction("failure_rate", d.failureRate());
    if (rate == 0) {
      throw node.error("failure_rate", "must be above 0");
    }
    return new CircuitBreakerConfig(
        node.intValue("consecutive_failures", d.consecutiveFailures(), 1),
        rate,
        node.intValue("minimum_calls", d.minimumCalls(), 1),
        node.positiveDuration("window", d.window()),
        node.positiveDuration("open_duration", d.openDuration()));
  }
}
