package dev.embedbench.gateway.config;

import dev.embedbench.config.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The gateway's whole configuration, validated at load: server settings and routes.
 *
 * @param source the file it was read from, named in errors found later (at start)
 * @param server listening, auth, limits
 * @param routes in file order
 */
public record GatewayConfig(Path source, ServerConfig server, List<RouteConfig> routes) {

  public GatewayConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(server, "server");
    routes = List.copyOf(routes);
  }

  /**
   * Reads and validates a YAML file; {@code ${ENV_VAR}} references are resolved from the process
   * environment.
   *
   * @throws ConfigException naming the file, the key path and the reason
   */
  public static GatewayConfig load(Path yamlFile) {
    return load(yamlFile, System::getenv);
  }

  /** As {@link #load(Path)}, resolving {@code ${ENV_VAR}} through {@code environment}. */
  public static GatewayConfig load(Path yamlFile, UnaryOperator<String> environment) {
    return new GatewayConfigLoader(yamlFile, environment).load();
  }

  /** A copy with another server section, for command-line overrides. */
  public GatewayConfig withServer(ServerConfig newServer) {
    return new GatewayConfig(source, newServer, routes);
  }
}
