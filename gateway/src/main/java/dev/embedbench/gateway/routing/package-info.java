/**
 * Routing: from a parsed embeddings request to the response vectors.
 *
 * <p>{@link dev.embedbench.gateway.routing.Gateway#embed} runs on whichever Vert.x event loop the
 * HTTP layer calls it from, and never blocks it; backend futures complete on the caller's context.
 * Several event loops may call it at once, so the state shared between requests (in-flight counts,
 * circuit breakers, retry budgets, shadow slots) is lock-free or guarded by short critical
 * sections.
 */
package dev.embedbench.gateway.routing;
