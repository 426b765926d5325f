package dev.embedbench.loadgen.driver;

import dev.embedbench.loadgen.record.Phase;
import dev.embedbench.loadgen.workload.PreparedRequest;

/** Where a driver hands a due request: sends it, records its outcome, then runs {@code done}. */
@FunctionalInterface
public interface Sender {

  /**
   * Sends request {@code index}; {@code done} runs once its outcome is recorded, on the event loop
   * that finished it.
   *
   * @param intendedNanos the intended send time on the {@link System#nanoTime()} clock
   */
  void send(PreparedRequest request, long index, long intendedNanos, Phase phase, Runnable done);
}
