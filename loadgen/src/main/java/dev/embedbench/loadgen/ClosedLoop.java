package dev.embedbench.loadgen;

/**
 * Closed loop: {@code concurrency} workers, each sending its next request when its last one ends.
 */
public record ClosedLoop(int concurrency) implements LoadMode {

  public ClosedLoop {
    if (concurrency < 1) {
      throw new IllegalArgumentException(
          "closed loop needs a concurrency >= 1, got " + concurrency);
    }
  }

  @Override
  public String label() {
    return "closed";
  }

  /** One connection per worker. */
  @Override
  public int defaultConnections() {
    return concurrency;
  }
}
