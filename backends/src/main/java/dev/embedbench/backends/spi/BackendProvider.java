package dev.embedbench.backends.spi;

import dev.embedbench.config.ConfigNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One kind of backend, selected by a target's {@code type}: it reads and validates its own keys of
 * the target's YAML section at load, and builds and starts the backend at gateway start. The
 * gateway keeps its own concerns (weights, breaker, concurrency, retry, failover, names) and looks
 * a provider up by type in {@link BackendProviders}; a new kind of backend is a provider here,
 * listed in {@code META-INF/services/dev.embedbench.backends.spi.BackendProvider}, and nothing in
 * the gateway.
 */
public interface BackendProvider {

  /** The {@code type} value that selects this provider, such as {@code remote}. */
  String type();

  /**
   * The keys this type adds to a target's section; any key neither it nor the gateway knows is an
   * error.
   */
  Set<String> keys();

  /**
   * Reads this type's keys of a target section and checks every rule it can before anything starts.
   * Errors come from {@code section.error}, so they name the file, the key and the reason; relative
   * paths resolve against {@code section.file()}.
   *
   * @param environment resolves {@code ${ENV_VAR}} references (see {@link ConfigNode#secret})
   */
  BackendSpec read(ConfigNode section, UnaryOperator<String> environment);

  /**
   * Builds the backend of a spec this provider read and starts it. Called on an event loop:
   * blocking work (loading weights) goes through {@code executeBlocking}.
   *
   * @return the started backend, or a failure whose message says why, for the operator
   */
  Future<StartedBackend> start(Vertx vertx, BackendSpec spec, BackendTarget target);
}
