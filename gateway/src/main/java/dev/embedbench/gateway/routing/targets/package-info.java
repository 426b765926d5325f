/**
 * Building a target's backend from its configuration: {@link
 * dev.embedbench.gateway.routing.targets.ProvidedBackends} asks the backends module's provider for
 * the target's {@code type}; tests put a {@link
 * dev.embedbench.gateway.routing.targets.BackendFactory} of their own in its place.
 *
 * <p>Backends are built once at gateway start, on the event loop that called {@code Gateway.start};
 * anything blocking (file reads) goes through {@code executeBlocking}.
 */
package dev.embedbench.gateway.routing.targets;
