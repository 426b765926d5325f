package dev.embedbench.gateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Mirrors a share of a route's requests to another route or to a target of its own. The shadow's
 * answer is discarded; its latency, errors and agreement with the primary are recorded.
 *
 * @param route name of another route to mirror to, or null
 * @param target a target used only as this shadow, or null; exactly one of the two is set
 * @param fraction share of requests mirrored, in [0, 1]
 * @param maxConcurrency shadow requests in flight beyond which new ones are dropped, not queued
 * @param timeout a shadow request still running after this is abandoned and counted as a timeout
 */
public record ShadowConfig(
    String route, TargetConfig target, double fraction, int maxConcurrency, Duration timeout) {

  public ShadowConfig {
    Objects.requireNonNull(timeout, "timeout");
    if ((route == null) == (target == null)) {
      throw new IllegalArgumentException("exactly one of route and target must be set");
    }
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in [0, 1], was " + fraction);
    }
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be >= 1, was " + maxConcurrency);
    }
  }

  /** What the shadow is called in metrics: the route's name or the target's. */
  public String name() {
    return route != null ? route : target.name();
  }
}
