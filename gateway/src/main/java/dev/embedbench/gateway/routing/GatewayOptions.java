package dev.embedbench.gateway.routing;

import dev.embedbench.gateway.routing.targets.BackendFactory;
import dev.embedbench.gateway.routing.targets.ProvidedBackends;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * What {@link Gateway#start} builds with; tests replace the backends, the clock and the random
 * source to script failures and make splits and breakers deterministic.
 *
 * @param backends builds each target's backend from its configuration
 * @param nanoClock monotonic nanoseconds, for breakers, budgets and latency
 * @param random draws weighted splits and shadow samples; must be thread-safe
 */
public record GatewayOptions(
    BackendFactory backends, LongSupplier nanoClock, RandomGenerator random) {

  public GatewayOptions {
    Objects.requireNonNull(backends, "backends");
    Objects.requireNonNull(nanoClock, "nanoClock");
    Objects.requireNonNull(random, "random");
  }

  /** The backends module's providers, {@code System.nanoTime} and a per-thread random source. */
  public static GatewayOptions defaults() {
    return new GatewayOptions(
        new ProvidedBackends(), System::nanoTime, () -> ThreadLocalRandom.current().nextLong());
  }

  public GatewayOptions withBackends(BackendFactory newBackends) {
    return new GatewayOptions(newBackends, nanoClock, random);
  }

  public GatewayOptions withNanoClock(LongSupplier newClock) {
    return new GatewayOptions(backends, newClock, random);
  }

  public GatewayOptions withRandom(RandomGenerator newRandom) {
    return new GatewayOptions(backends, nanoClock, newRandom);
  }
}
