package dev.embedbench.loadgen.driver;

import dev.embedbench.loadgen.record.Phase;
import dev.embedbench.loadgen.record.RunClock;
import dev.embedbench.loadgen.record.RunRecorder;
import dev.embedbench.loadgen.workload.Workload;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of workers on one event loop, each sending its next request when its previous one
 * ends, so at most {@code workers} requests of this loop are ever outstanding. Latency is measured
 * from each actual send: a closed loop has no schedule to correct against. The loops of one run
 * share a {@link Shared}: the request indices, the measured-request bound and the outstanding
 * count, so the run's total concurrency is the sum of its loops' workers and its bound is exact.
 */
public final class ClosedLoopDriver implements Driver {

  /** What every loop of a closed-loop run shares; atomic, as the loops run on different threads. */
  public static final class Shared {
    private final AtomicLong nextIndex = new AtomicLong();
    private final AtomicLong measuredSent = new AtomicLong();
    private final AtomicLong outstanding = new AtomicLong();
  }

  private final DispatchLoop loop;
  private final int workers;
  private final RunClock clock;
  private final long endNanos;
  private final long maxMeasuredRequests;
  private final Workload workload;
  private final Sender sender;
  private final RunRecorder recorder;
  private final Shared shared;
  private final AtomicInteger activeWorkers = new AtomicInteger();
  private final CompletableFuture<Long> dispatched = new CompletableFuture<>();
  private volatile boolean stopped;

  public ClosedLoopDriver(
      DispatchLoop loop,
      int workers,
      RunClock clock,
      long endNanos,
      long maxMeasuredRequests,
      Workload workload,
      Sender sender,
      RunRecorder recorder,
      Shared shared) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, got " + workers);
    }
    this.loop = loop;
    this.workers = workers;
    this.clock = clock;
    this.endNanos = endNanos;
    this.maxMeasuredRequests = maxMeasuredRequests;
    this.workload = workload;
    this.sender = sender;
    this.recorder = recorder;
    this.shared = shared;
  }

  @Override
  public CompletableFuture<Long> start() {
    activeWorkers.set(workers);
    for (int i = 0; i < workers; i++) {
      loop.execute(this::next);
    }
    return dispatched;
  }

  @Override
  public void stop() {
    stopped = true;
    dispatched.complete(Math.min(clock.elapsedNanos(), endNanos));
  }

  @Override
  public long outstanding() {
    return shared.outstanding.get();
  }

  private void next() {
    long nowNanos = clock.elapsedNanos();
    Phase phase = clock.phaseAt(nowNanos);
    if (stopped
        || nowNanos >= endNanos
        || (phase == Phase.MEASURE
            && shared.measuredSent.incrementAndGet() > maxMeasuredRequests)) {
      if (activeWorkers.decrementAndGet() == 0) {
        dispatched.complete(Math.min(nowNanos, endNanos));
      }
      return;
    }
    long index = shared.nextIndex.getAndIncrement();
    shared.outstanding.incrementAndGet();
    recorder.sentUnscheduled(phase);
    sender.send(
        workload.request(index),
        index,
        clock.startNanos() + nowNanos,
        phase,
        () -> {
          shared.outstanding.decrementAndGet();
          next();
        });
  }
}
