/**
 * Shadow traffic: mirroring a share of a route's requests elsewhere and recording the result apart.
 *
 * <p>Runs on the event loop of the request it mirrors; shared counters are atomic. Nothing here may
 * delay or fail the client's answer.
 */
package dev.embedbench.gateway.routing.shadow;
