package dev.embedbench.backends.emulated;

import java.util.SplittableRandom;

/**
 * Draws service times: mean {@code base + perToken * tokens}, spread by the profile's distribution.
 * A lognormal with mean m and coefficient of variation c has sigma² = ln(1 + c²) and mu = ln(m) -
 * sigma²/2, so its mean stays m whatever c is. Not thread-safe: one per server context.
 */
final class ServiceTimeModel {

  private final EmulatorProfile.ServiceTime settings;
  private final SplittableRandom random;
  private final double sigma;

  ServiceTimeModel(EmulatorProfile.ServiceTime settings) {
    this.settings = settings;
    this.random = new SplittableRandom(settings.seed());
    this.sigma = Math.sqrt(Math.log1p(settings.cv() * settings.cv()));
  }

  long meanNanos(int tokens) {
    return settings.base().toNanos() + settings.perToken().toNanos() * tokens;
  }

  long sampleNanos(int tokens) {
    long mean = meanNanos(tokens);
    if (settings.distribution() == LatencyDistribution.FIXED || sigma == 0 || mean == 0) {
      return mean;
    }
    double mu = Math.log(mean) - sigma * sigma / 2;
    return Math.round(Math.exp(mu + sigma * random.nextGaussian()));
  }
}
