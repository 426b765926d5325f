package dev.embedbench.loadgen.record;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * HdrHistogram's answer to several writer threads: a {@link SingleWriterRecorder} per writer (each
 * event loop records into its own plain histogram, with no atomic per value), added together by the
 * one reader at each interval. A writer's recorder is made on its first value.
 */
final class PerThreadRecorder {

  private final List<SingleWriterRecorder> writers = new CopyOnWriteArrayList<>();
  private final ThreadLocal<SingleWriterRecorder> own = ThreadLocal.withInitial(this::register);

  /** Reader thread only: each writer's last interval histogram, handed back to it for reuse. */
  private final Map<SingleWriterRecorder, Histogram> recycled = new HashMap<>();

  private SingleWriterRecorder register() {
    SingleWriterRecorder recorder =
        new SingleWriterRecorder(
            RunRecorder.HIGHEST_TRACKABLE_NANOS, RunRecorder.SIGNIFICANT_DIGITS);
    writers.add(recorder);
    return recorder;
  }

  /** The calling thread's own recorder: never shared with another writer. */
  void recordValue(long nanos) {
    own.get().recordValue(nanos);
  }

  /**
   * Swaps every writer's interval out and adds them into {@code into} (reset first), which then
   * spans from the earliest writer's interval start to the latest one's end. Reader thread only.
   */
  Histogram intervalHistogram(Histogram into) {
    into.reset();
    long startMillis = Long.MAX_VALUE;
    long endMillis = 0;
    for (SingleWriterRecorder writer : writers) {
      Histogram interval = writer.getIntervalHistogram(recycled.get(writer));
      recycled.put(writer, interval);
      into.add(interval);
      startMillis = Math.min(startMillis, interval.getStartTimeStamp());
      endMillis = Math.max(endMillis, interval.getEndTimeStamp());
    }
    long now = System.currentTimeMillis();
    into.setStartTimeStamp(startMillis == Long.MAX_VALUE ? now : startMillis);
    into.setEndTimeStamp(endMillis == 0 ? now : endMillis);
    return into;
  }
}
