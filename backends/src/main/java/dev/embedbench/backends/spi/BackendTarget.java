package dev.embedbench.backends.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * What a provider needs of the gateway's target around a backend.
 *
 * @param name the target's name, for logs and errors
 * @param timeout how long one call may take
 * @param maxConcurrency calls the gateway lets through at once; a pool need not be larger
 */
public record BackendTarget(String name, Duration timeout, int maxConcurrency) {

  public BackendTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timeout, "timeout");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be >= 1, was " + maxConcurrency);
    }
  }
}
