package dev.embedbench.loadgen.driver;

import dev.embedbench.loadgen.record.Phase;
import dev.embedbench.loadgen.record.RunClock;
import dev.embedbench.loadgen.record.RunRecorder;
import dev.embedbench.loadgen.schedule.FireTimeSequence;
import dev.embedbench.loadgen.workload.Workload;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends each request of its {@link LoopShare} when the clock passes its intended time, whatever the
 * server does. A timer wakes the dispatcher for the next due request; every request already due is
 * dispatched at once, so when the generator falls behind it catches up without sliding the
 * schedule, and the lag is recorded. A due request that finds every connection of this loop busy
 * waits in a backlog here (cheaper than the client pool's wait queue and its timers) and goes out
 * as soon as one frees; its wait counts in the corrected response time. A request that finds {@code
 * maxOutstanding} requests unfinished, over all loops, is counted as not sent. Dispatching and the
 * backlog belong to this driver's event-loop thread; completions from other threads hop to it.
 */
public final class OpenLoopDriver implements Driver {

  /** Sends per turn of the event loop, so that responses are read between bursts. */
  private static final int MAX_BURST = 256;

  private final DispatchLoop loop;
  private final FireTimeSequence schedule;
  private final RunClock clock;
  private final long endNanos;
  private final long endIndex;
  private final int stride;
  private final long maxOutstanding;
  private final AtomicLong outstanding;
  private final Workload workload;
  private final Sender sender;
  private final RunRecorder recorder;
  private final int connections;
  private final ArrayDeque<Due> backlog = new ArrayDeque<>();
  private int sending;
  private Thread dispatcherThread;
  private final CompletableFuture<Long> dispatched = new CompletableFuture<>();
  private volatile boolean stopped;
  private long index;

  /**
   * @param schedule this driver's own sequence (sequences are not thread-safe), the run's for every
   *     loop
   * @param endNanos offset from the run's start at which the schedule ends (warm-up plus duration)
   * @param endIndex the first index not to schedule (the request bound), {@code Long.MAX_VALUE} for
   *     none
   * @param outstanding requests dispatched and unfinished, shared by every loop of the run
   * @param connections this loop's connections
   */
  public OpenLoopDriver(
      DispatchLoop loop,
      LoopShare share,
      FireTimeSequence schedule,
      RunClock clock,
      long endNanos,
      long endIndex,
      long maxOutstanding,
      AtomicLong outstanding,
      int connections,
      Workload workload,
      Sender sender,
      RunRecorder recorder) {
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be >= 1, got " + connections);
    }
    this.loop = loop;
    this.connections = connections;
    this.schedule = schedule;
    this.clock = clock;
    this.endNanos = endNanos;
    this.endIndex = endIndex;
    this.stride = share.loops();
    this.index = share.loop();
    this.maxOutstanding = maxOutstanding;
    this.outstanding = outstanding;
    this.workload = workload;
    this.sender = sender;
    this.recorder = recorder;
  }

  /**
   * The first index whose intended time is at or after {@code warmupNanos}: requests before it are
   * warm-up. A bound of N measured requests is then the index bound {@code firstMeasured + N},
   * which every loop applies to its own indices, so the run schedules exactly N measured requests
   * in all.
   */
  public static long firstMeasuredIndex(FireTimeSequence schedule, long warmupNanos) {
    long index = 0;
    while (schedule.fireTimeNanos(index) < warmupNanos) {
      index++;
    }
    return index;
  }

  @Override
  public CompletableFuture<Long> start() {
    loop.execute(this::dispatchDue);
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

  /** A request that is due but waits for a free connection. */
  private record Due(long index, long intendedNanos, Phase phase) {}

  private void dispatchDue() {
    dispatcherThread = Thread.currentThread();
    if (stopped) {
      dispatched.complete(Math.min(clock.elapsedNanos(), endNanos));
      return;
    }
    long nowNanos = clock.elapsedNanos();
    for (int burst = 0; burst < MAX_BURST; burst++) {
      long fireNanos = schedule.fireTimeNanos(index);
      if (fireNanos >= endNanos || index >= endIndex) {
        dispatched.complete(Math.min(fireNanos, endNanos));
        return;
      }
      if (fireNanos > nowNanos) {
        long delayMillis = Math.max(1, (fireNanos - nowNanos + 999_999) / 1_000_000);
        loop.schedule(this::dispatchDue, delayMillis);
        return;
      }
      dispatch(fireNanos);
      nowNanos = clock.elapsedNanos();
    }
    loop.execute(this::dispatchDue);
  }

  private void dispatch(long fireNanos) {
    Phase phase = clock.phaseAt(fireNanos);
    long requestIndex = index;
    index += stride;
    if (outstanding.get() >= maxOutstanding) {
      recorder.notSent(phase);
      return;
    }
    outstanding.incrementAndGet();
    long intendedNanos = clock.startNanos() + fireNanos;
    recorder.sent(phase, System.nanoTime() - intendedNanos);
    if (sending < connections) {
      send(requestIndex, intendedNanos, phase);
    } else {
      backlog.add(new Due(requestIndex, intendedNanos, phase));
    }
  }

  private void send(long requestIndex, long intendedNanos, Phase phase) {
    sending++;
    sender.send(workload.request(requestIndex), requestIndex, intendedNanos, phase, this::finished);
  }

  private void finished() {
    outstanding.decrementAndGet();
    if (Thread.currentThread() == dispatcherThread) {
      release();
    } else {
      loop.execute(this::release);
    }
  }

  /** A connection is free: the oldest waiting request takes it. */
  private void release() {
    sending--;
    Due next = backlog.poll();
    // Once stopped, the run closes its client: a waiting request stays outstanding (abandoned),
    // unsent.
    if (next != null && !stopped) {
      send(next.index(), next.intendedNanos(), next.phase());
    }
  }
}
