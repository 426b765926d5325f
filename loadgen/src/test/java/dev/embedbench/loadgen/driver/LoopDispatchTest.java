package dev.embedbench.loadgen.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.loadgen.record.Counts;
import dev.embedbench.loadgen.record.Phase;
import dev.embedbench.loadgen.record.RunClock;
import dev.embedbench.loadgen.record.RunRecorder;
import dev.embedbench.loadgen.schedule.ConstantRateSequence;
import dev.embedbench.loadgen.schedule.FireTimeSequence;
import dev.embedbench.loadgen.schedule.PoissonSequence;
import dev.embedbench.loadgen.workload.Workload;
import dev.embedbench.loadgen.workload.WorkloadEntry;
import dev.embedbench.loadgen.workload.WorkloadSpec;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dispatch spread over several event loops, with a sender that answers after a short timer. */
class LoopDispatchTest {

  private static final int LOOPS = 3;
  private static final Workload WORKLOAD =
      Workload.fromEntries(
          "inline",
          List.of(WorkloadEntry.text("alpha"), WorkloadEntry.text("beta")),
          new WorkloadSpec("inline", 1, null, null, null),
          "m");

  private Vertx vertx;
  private final Map<Long, String> sentOn = new ConcurrentHashMap<>();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(LOOPS));
  }

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Records which thread sent each index and answers 1 ms later on the same event loop. */
  private Sender sender(RunRecorder recorder) {
    return (request, index, intendedNanos, phase, done) -> {
      if (sentOn.put(index, Thread.currentThread().getName()) != null) {
        duplicates.incrementAndGet();
      }
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      long sendNanos = System.nanoTime();
      vertx.setTimer(
          1,
          id -> {
            inFlight.decrementAndGet();
            recorder.ok(phase, intendedNanos, sendNanos, System.nanoTime(), request.inputs(), 1);
            done.run();
          });
    };
  }

  private LoopGroup openLoops(
      IntFunction<FireTimeSequence> schedules,
      RunClock clock,
      long endNanos,
      long endIndex,
      RunRecorder recorder) {
    List<Driver> parts = new ArrayList<>();
    AtomicLong outstanding = new AtomicLong();
    List<DispatchLoop> loops = DispatchLoop.onVertx(vertx, LOOPS);
    for (int loop = 0; loop < LOOPS; loop++) {
      LoopShare share = new LoopShare(loop, LOOPS);
      parts.add(
          new OpenLoopDriver(
              loops.get(loop),
              share,
              schedules.apply(loop),
              clock,
              endNanos,
              endIndex,
              10_000,
              outstanding,
              share.of(8),
              WORKLOAD,
              sender(recorder),
              recorder));
    }
    return new LoopGroup(parts, true);
  }

  private static void awaitDrained(Driver driver) throws InterruptedException {
    for (int i = 0; i < 500 && driver.outstanding() > 0; i++) {
      Thread.sleep(10);
    }
    assertEquals(0, driver.outstanding(), "requests still outstanding");
  }

  @Test
  void everyScheduledIndexIsSentExactlyOnceByTheLoopItBelongsTo() throws Exception {
    RecordedRun run = openRun(i -> new ConstantRateSequence(3000), Long.MAX_VALUE);
    long expected = OpenLoopDriver.firstMeasuredIndex(new ConstantRateSequence(3000), run.endNanos);
    assertEquals(expected, sentOn.size(), "every index before the schedule's end");
    assertEquals(0, duplicates.get());
    Set<String> threads = new HashSet<>();
    for (long i = 0; i < expected; i++) {
      String thread = sentOn.get(i);
      assertTrue(thread != null, "index " + i + " never sent");
      assertEquals(
          sentOn.get(i % LOOPS),
          thread,
          "index " + i + " sent by another loop than " + (i % LOOPS));
      threads.add(thread);
    }
    assertEquals(LOOPS, threads.size(), "each loop on its own event-loop thread");
    Counts measured = run.recorder.counts(Phase.MEASURE);
    Counts warmup = run.recorder.counts(Phase.WARMUP);
    long firstMeasured =
        OpenLoopDriver.firstMeasuredIndex(new ConstantRateSequence(3000), run.warmupNanos);
    assertEquals(expected - firstMeasured, measured.sent());
    assertEquals(expected - firstMeasured, measured.ok());
    assertEquals(firstMeasured, warmup.sent());
    assertEquals(run.endNanos, run.dispatchEndNanos);
  }

  @Test
  void requestBoundIsExactOverAllLoopsForPoissonArrivals() throws Exception {
    long firstMeasured =
        OpenLoopDriver.firstMeasuredIndex(
            new PoissonSequence(3000, 5), TimeUnit.MILLISECONDS.toNanos(100));
    RecordedRun run = openRun(i -> new PoissonSequence(3000, 5), firstMeasured + 101);
    assertEquals(101, run.recorder.counts(Phase.MEASURE).sent());
    assertEquals(firstMeasured, run.recorder.counts(Phase.WARMUP).sent());
    assertEquals(firstMeasured + 101, sentOn.size());
    assertEquals(0, duplicates.get());
    assertEquals(
        new PoissonSequence(3000, 5).fireTimeNanos(firstMeasured + 101),
        run.dispatchEndNanos,
        "the send window ends when the first request past the bound was due");
  }

  private record RecordedRun(
      RunRecorder recorder, long warmupNanos, long endNanos, long dispatchEndNanos) {}

  private RecordedRun openRun(IntFunction<FireTimeSequence> schedules, long endIndex)
      throws Exception {
    long warmupNanos = TimeUnit.MILLISECONDS.toNanos(100);
    long endNanos = TimeUnit.MILLISECONDS.toNanos(400);
    RunRecorder recorder = new RunRecorder();
    RunClock clock = RunClock.startingNow(warmupNanos);
    LoopGroup group = openLoops(schedules, clock, endNanos, endIndex, recorder);
    long dispatchEnd = group.start().get(10, TimeUnit.SECONDS);
    awaitDrained(group);
    return new RecordedRun(recorder, warmupNanos, endNanos, dispatchEnd);
  }

  @Test
  void closedLoopNeverExceedsItsTotalConcurrencyAndStopsAtTheBound() throws Exception {
    int concurrency = 5;
    RunRecorder recorder = new RunRecorder();
    RunClock clock = RunClock.startingNow(0);
    ClosedLoopDriver.Shared shared = new ClosedLoopDriver.Shared();
    List<Driver> parts = new ArrayList<>();
    List<DispatchLoop> loops = DispatchLoop.onVertx(vertx, LOOPS);
    for (int loop = 0; loop < LOOPS; loop++) {
      LoopShare share = new LoopShare(loop, LOOPS);
      parts.add(
          new ClosedLoopDriver(
              loops.get(loop),
              share.of(concurrency),
              clock,
              TimeUnit.SECONDS.toNanos(20),
              700,
              WORKLOAD,
              sender(recorder),
              recorder,
              shared));
    }
    LoopGroup group = new LoopGroup(parts, false);
    group.start().get(20, TimeUnit.SECONDS);
    awaitDrained(group);
    assertEquals(700, recorder.counts(Phase.MEASURE).sent());
    assertEquals(700, recorder.counts(Phase.MEASURE).ok());
    assertEquals(700, sentOn.size(), "indices 0..699, each once");
    assertEquals(0, duplicates.get());
    assertTrue(
        maxInFlight.get() <= concurrency,
        "at most " + concurrency + " in flight, saw " + maxInFlight.get());
    assertEquals(LOOPS, new HashSet<>(sentOn.values()).size(), "workers on every loop");
  }

  @Test
  void sharesSplitTotalsEvenly() {
    int sum = 0;
    for (int loop = 0; loop < LOOPS; loop++) {
      sum += new LoopShare(loop, LOOPS).of(16);
    }
    assertEquals(16, sum);
    assertEquals(6, new LoopShare(0, LOOPS).of(16));
    assertEquals(5, new LoopShare(2, LOOPS).of(16));
  }
}
