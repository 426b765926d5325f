package dev.embedbench.loadgen;

import dev.embedbench.loadgen.schedule.ArrivalProcess;
import dev.embedbench.loadgen.schedule.FireTimeSequence;
import java.time.Duration;

/**
 * Open loop: each request sent at its intended time, whatever the server does.
 *
 * @param ratePerSecond the schedule's mean rate
 * @param arrival how the intended times are spread
 * @param seed the generator of Poisson arrivals
 * @param maxOutstanding a due request that finds this many unfinished is counted as not sent
 * @param maxLagP99 a run whose schedule lag p99 exceeds this is marked invalid
 */
public record OpenLoop(
    double ratePerSecond,
    ArrivalProcess arrival,
    long seed,
    long maxOutstanding,
    Duration maxLagP99)
    implements LoadMode {

  public static final Duration DEFAULT_MAX_LAG_P99 = Duration.ofMillis(10);
  public static final long DEFAULT_MAX_OUTSTANDING = 10_000;

  public OpenLoop {
    if (!(ratePerSecond > 0 && Double.isFinite(ratePerSecond))) {
      throw new IllegalArgumentException(
          "open loop needs a rate > 0 requests/s, got " + ratePerSecond);
    }
    if (arrival == null) {
      throw new IllegalArgumentException("open loop needs an arrival process");
    }
    if (maxOutstanding < 1) {
      throw new IllegalArgumentException("max outstanding must be >= 1, got " + maxOutstanding);
    }
    if (maxLagP99 == null || maxLagP99.isNegative()) {
      throw new IllegalArgumentException("max lag p99 must be >= 0");
    }
  }

  /** The same schedule's shape at another rate. */
  public OpenLoop withRate(double newRatePerSecond) {
    return new OpenLoop(newRatePerSecond, arrival, seed, maxOutstanding, maxLagP99);
  }

  /** A new sequence of intended send times (sequences are not thread-safe: one per driver). */
  public FireTimeSequence schedule() {
    return arrival.sequence(ratePerSecond, seed);
  }

  @Override
  public String label() {
    return "open";
  }

  /**
   * Connections enough for the rate at a mean latency up to 250 ms (Little's law), within 4..512.
   */
  @Override
  public int defaultConnections() {
    return defaultConnections(ratePerSecond);
  }

  public static int defaultConnections(double ratePerSecond) {
    return (int) Math.max(4, Math.min(512, Math.ceil(ratePerSecond * 0.25)));
  }
}
