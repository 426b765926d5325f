/**
 * Building a target's backend from its configuration, one factory per {@code type}.
 *
 * <p>Factories run once at gateway start, on the event loop that called {@code Gateway.start};
 * anything blocking (file reads) goes through {@code executeBlocking}.
 */
package dev.embedbench.gateway.routing.targets;
