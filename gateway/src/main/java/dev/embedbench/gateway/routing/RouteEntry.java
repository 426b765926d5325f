package dev.embedbench.gateway.routing;

/**
 * A name clients may use: the route it reaches, whether the route's instruction applies, and where
 * the route's shadow traffic goes (null when it has none).
 */
record RouteEntry(Route route, boolean withInstruction, ShadowPlan shadow) {}
