package dev.embedbench.loadgen.driver;

import dev.embedbench.loadgen.record.Phase;
import dev.embedbench.loadgen.record.RunClock;
import dev.embedbench.loadgen.record.RunRecorder;
import dev.embedbench.loadgen.workload.Workload;
import io.vertx.core.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of workers, each sending its next request when its previous one ends, so at most
 * {@code concurrency} requests are ever outstanding. Latency is measured from each actual send: a
 * closed loop has no schedule to correct against. Workers continue on whichever event loop finished
 * their last request; the shared counters are atomic.
 */
public final class ClosedLoopDriver implements Driver {

  private final Context context;
  private final int concurrency;
  private final RunClock clock;
  private final long endNanos;
  private final long maxMeasuredRequests;
  private final Workload workload;
  private final RequestSender sender;
  private final RunRecorder recorder;
  private final AtomicLong nextIndex = new AtomicLong();
  private final AtomicLong measuredSent = new AtomicLong();
  private final AtomicLong outstanding = new AtomicLong();
  private final AtomicInteger activeWorkers = new AtomicInteger();
  private final CompletableFuture<Long> dispatched = new CompletableFuture<>();
  private volatile boolean stopped;

  public ClosedLoopDriver(Context context, int concurrency, RunClock clock, long endNanos, long maxMeasuredRequests,
      Workload workload, RequestSender sender, RunRecorder recorder) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1, got " + concurrency);
    }
    this.context = context;
    this.concurrency = concurrency;
    this.clock = clock;
    this.endNanos = endNanos;
    this.maxMeasuredRequests = maxMeasuredRequests;
    this.workload = workload;
    this.sender = sender;
    this.recorder = recorder;
  }

  @Override
  public CompletableFuture<Long> start() {
    activeWorkers.set(concurrency);
    for (int i = 0; i < concurrency; i++) {
      context.runOnContext(v -> next());
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
    return outstanding.get();
  }

  private void next() {
    long nowNanos = clock.elapsedNanos();
    Phase phase = clock.phaseAt(nowNanos);
    if (stopped || nowNanos >= endNanos
        || (phase == Phase.MEASURE && measuredSent.incrementAndGet() > maxMeasuredRequests)) {
      if (activeWorkers.decrementAndGet() == 0) {
        dispatched.complete(Math.min(nowNanos, endNanos));
      }
      return;
    }
    long index = nextIndex.getAndIncrement();
    outstanding.incrementAndGet();
    recorder.sentUnscheduled(phase);
    sender.send(workload.request(index), index, clock.startNanos() + nowNanos, phase, () -> {
      outstanding.decrementAndGet();
      next();
    });
  }
}
