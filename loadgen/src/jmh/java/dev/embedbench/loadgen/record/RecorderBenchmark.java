package dev.embedbench.loadgen.record;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of recording one latency from an event loop: the multi-writer {@link Recorder} every loop
 * used to share (the baseline) against {@link PerThreadRecorder} (a {@code SingleWriterRecorder}
 * per loop), with one and two writer threads (the reporter's swap, once a second, is left out). Run
 * with {@code bench/jmh --module loadgen RecorderBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecorderBenchmark {

  /** Spread over three decades, like response times in nanoseconds. */
  private static final long[] VALUES = {
    48_000, 150_000, 1_200_000, 380_000, 95_000, 2_700_000, 61_000, 830_000
  };

  @State(Scope.Group)
  public static class Shared {
    final Recorder shared =
        new Recorder(RunRecorder.HIGHEST_TRACKABLE_NANOS, RunRecorder.SIGNIFICANT_DIGITS);
    final PerThreadRecorder perThread = new PerThreadRecorder();
  }

  @State(Scope.Thread)
  public static class Cursor {
    int next;

    long value() {
      next = (next + 1) & (VALUES.length - 1);
      return VALUES[next];
    }
  }

  @Benchmark
  @Group("sharedOneWriter")
  @GroupThreads(1)
  public void sharedOneWriter(Shared s, Cursor c) {
    s.shared.recordValue(c.value());
  }

  @Benchmark
  @Group("perThreadOneWriter")
  @GroupThreads(1)
  public void perThreadOneWriter(Shared s, Cursor c) {
    s.perThread.recordValue(c.value());
  }

  @Benchmark
  @Group("sharedTwoWriters")
  @GroupThreads(2)
  public void sharedTwoWriters(Shared s, Cursor c) {
    s.shared.recordValue(c.value());
  }

  @Benchmark
  @Group("perThreadTwoWriters")
  @GroupThreads(2)
  public void perThreadTwoWriters(Shared s, Cursor c) {
    s.perThread.recordValue(c.value());
  }
}
