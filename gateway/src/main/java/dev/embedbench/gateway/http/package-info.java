/**
 * The gateway's HTTP layer: the OpenAI-compatible API on Vert.x Web.
 *
 * <p>Threading: every handler runs on the event loop of the server verticle instance that accepted
 * the connection (one instance per core, sharing the port). Handlers never block: request parsing
 * and response encoding run inline for ordinary sizes and on a worker thread for very large bodies;
 * Prometheus scraping runs on a worker. Per-request state ({@link
 * dev.embedbench.gateway.http.RequestFacts}) lives in the routing context and is touched only by
 * that event loop. Failures travel as values ({@code ctx.fail(ApiException)}) to the one {@link
 * dev.embedbench.gateway.http.ApiFailureHandler}, which owns the error envelope's rendering.
 */
package dev.embedbench.gateway.http;
