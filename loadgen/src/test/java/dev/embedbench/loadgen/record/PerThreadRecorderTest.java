package dev.embedbench.loadgen.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PerThreadRecorderTest {

  @Test
  void intervalsAddEveryWritersValuesExactlyOnce() throws Exception {
    PerThreadRecorder recorder = new PerThreadRecorder();
    Histogram interval = RunRecorder.newHistogram();
    Histogram total = RunRecorder.newHistogram();
    int threads = 3;
    int perThread = 20_000;
    CountDownLatch start = new CountDownLatch(1);
    Thread[] writers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      long value = 1_000L * (t + 1);
      writers[t] =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                for (int i = 0; i < perThread; i++) {
                  recorder.recordValue(value);
                }
              });
      writers[t].start();
    }
    start.countDown();
    // The reader swaps while the writers write: nothing may be lost or counted twice.
    while (anyAlive(writers)) {
      total.add(recorder.intervalHistogram(interval));
    }
    total.add(recorder.intervalHistogram(interval));

    assertEquals((long) threads * perThread, total.getTotalCount());
    for (int t = 0; t < threads; t++) {
      assertEquals(perThread, total.getCountAtValue(1_000L * (t + 1)));
    }
  }

  @Test
  void anIntervalSpansItsWritersAndAnEmptyOneIsEmpty() {
    PerThreadRecorder recorder = new PerThreadRecorder();
    Histogram interval = RunRecorder.newHistogram();
    long before = System.currentTimeMillis();
    recorder.recordValue(5_000);
    recorder.intervalHistogram(interval);
    assertEquals(1, interval.getTotalCount());
    assertTrue(
        interval.getStartTimeStamp() >= before
            && interval.getEndTimeStamp() >= interval.getStartTimeStamp());

    recorder.intervalHistogram(interval);
    assertEquals(0, interval.getTotalCount());
  }

  private static boolean anyAlive(Thread[] threads) {
    for (Thread t : threads) {
      if (t.isAlive()) {
        return true;
      }
    }
    return false;
  }
}
