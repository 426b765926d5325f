/**
 * The gateway's request metrics in Micrometer, exposed as Prometheus text by the HTTP layer.
 *
 * <p>Threading: recorded from any event loop at the end of each request; Micrometer meters are
 * thread-safe. Routing records its own upstream, circuit and shadow meters in the same registry.
 */
package dev.embedbench.gateway.metrics;
