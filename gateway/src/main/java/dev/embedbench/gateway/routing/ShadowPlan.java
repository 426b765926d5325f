package dev.embedbench.gateway.routing;

import dev.embedbench.gateway.routing.shadow.ShadowMirror;

/**
 * Where a route's shadow traffic goes.
 *
 * @param destinationIsRoute true when the destination is another configured route (the request is
 *     prepared again for it), false for a target of its own (the prepared request is reused)
 */
record ShadowPlan(ShadowMirror mirror, Route destination, boolean destinationIsRoute) {}
