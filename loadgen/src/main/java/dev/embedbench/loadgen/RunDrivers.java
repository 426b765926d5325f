package dev.embedbench.loadgen;

import dev.embedbench.loadgen.SenderLoops.LoopSender;
import dev.embedbench.loadgen.driver.ClosedLoopDriver;
import dev.embedbench.loadgen.driver.Driver;
import dev.embedbench.loadgen.driver.LoopGroup;
import dev.embedbench.loadgen.driver.LoopShare;
import dev.embedbench.loadgen.driver.OpenLoopDriver;
import dev.embedbench.loadgen.record.RunClock;
import dev.embedbench.loadgen.record.RunRecorder;
import dev.embedbench.loadgen.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The drivers of a run's mode, one per event loop, each with its share of the connections and of
 * the requests (open loop: the indices congruent to its number; closed loop: its share of the
 * workers), over one recorder, seen as one {@link LoopGroup}.
 */
final class RunDrivers {

  private RunDrivers() {}

  /**
   * @param endNanos the end of the schedule, as an offset from the run's start
   */
  static Driver of(
      LoadConfig config,
      Workload workload,
      List<LoopSender> senders,
      RunRecorder recorder,
      RunClock clock,
      long endNanos) {
    long maxRequests = config.maxRequests() == null ? Long.MAX_VALUE : config.maxRequests();
    int loops = senders.size();
    List<Driver> parts = new ArrayList<>();
    if (config.mode() instanceof OpenLoop open) {
      long endIndex = Long.MAX_VALUE;
      if (maxRequests != Long.MAX_VALUE) {
        long firstMeasured =
            OpenLoopDriver.firstMeasuredIndex(open.schedule(), clock.warmupNanos());
        endIndex = firstMeasured + maxRequests < 0 ? Long.MAX_VALUE : firstMeasured + maxRequests;
      }
      AtomicLong outstanding = new AtomicLong();
      for (int loop = 0; loop < loops; loop++) {
        LoopShare share = new LoopShare(loop, loops);
        parts.add(
            new OpenLoopDriver(
                senders.get(loop).loop(),
                share,
                open.schedule(),
                clock,
                endNanos,
                endIndex,
                open.maxOutstanding(),
                outstanding,
                share.of(config.connections()),
                workload,
                senders.get(loop).sender(),
                recorder));
      }
      return new LoopGroup(parts, true);
    }
    ClosedLoop closed = (ClosedLoop) config.mode();
    ClosedLoopDriver.Shared shared = new ClosedLoopDriver.Shared();
    for (int loop = 0; loop < loops; loop++) {
      parts.add(
          new ClosedLoopDriver(
              senders.get(loop).loop(),
              new LoopShare(loop, loops).of(closed.concurrency()),
              clock,
              endNanos,
              maxRequests,
              workload,
              senders.get(loop).sender(),
              recorder,
              shared));
    }
    return new LoopGroup(parts, false);
  }
}
