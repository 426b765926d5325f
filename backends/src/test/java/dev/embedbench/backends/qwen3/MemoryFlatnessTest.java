package dev.embedbench.backends.qwen3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Checkpoint;
import dev.embedbench.backends.qwen3.model.Qwen3Model;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many forward passes on a tiny model leave the open NDArray count unchanged and resident memory
 * flat. The number of batches is the system property {@value #BATCHES_PROPERTY} (default {@value
 * #DEFAULT_BATCHES}, 15-30 s on a busy 2-core machine; the figure of 10,000 takes about 45 s:
 * {@code -Dembedbench.qwen3.flatnessBatches=10000}). A leaked array shows at once in the count; RSS
 * (less the Java heap's own growth) catches native leaks of tens of KiB per batch.
 */
class MemoryFlatnessTest {

  static final String BATCHES_PROPERTY = "embedbench.qwen3.flatnessBatches";
  static final int DEFAULT_BATCHES = 3000;
  /** RSS may wander by allocator noise, far below what a per-batch leak of even 1 KiB would add. */
  static final long ALLOWED_GROWTH_BYTES = 48L << 20;

  @Test
  void manyBatchesLeaveArraysAndResidentMemoryFlat(@TempDir Path dir) throws IOException {
    int batches = Integer.getInteger(BATCHES_PROPERTY, DEFAULT_BATCHES);
    TinyCheckpoints.writeRandom(dir, TinyCheckpoints.GQA, 3);
    SplittableRandom random = new SplittableRandom(1);
    try (Qwen3Model model = Qwen3Model.load(Qwen3Checkpoint.open(dir), Device.cpu())) {
      int weights = model.openArrayCount();
      int warmUp = Math.max(100, batches / 10);
      for (int i = 0; i < warmUp; i++) {
        model.embed(randomBatch(random));
      }
      System.gc();
      long rssBefore = residentBytes() - heapCommittedBytes();
      for (int i = 0; i < batches; i++) {
        model.embed(randomBatch(random));
        if (i % 500 == 0) {
          assertEquals(weights, model.openArrayCount(), "open NDArrays after batch " + i);
        }
      }
      System.gc();
      long growth = residentBytes() - heapCommittedBytes() - rssBefore;
      System.out.printf("MemoryFlatnessTest: %d batches, open NDArrays %d (weights %d), RSS growth %d KiB%n",
          batches, model.openArrayCount(), weights, growth >> 10);
      assertEquals(weights, model.openArrayCount(), "open NDArrays after " + batches + " batches");
      assertTrue(growth < ALLOWED_GROWTH_BYTES,
          "RSS grew by " + (growth >> 20) + " MiB over " + batches + " batches");
    }
  }

  private static long heapCommittedBytes() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
  }

  /** 1-6 sequences of 1-40 tokens: many distinct padded shapes. */
  private static List<int[]> randomBatch(SplittableRandom random) {
    List<int[]> batch = new ArrayList<>();
    int size = random.nextInt(1, 7);
    for (int b = 0; b < size; b++) {
      int[] ids = random.ints(random.nextInt(1, 41), 0, TinyCheckpoints.VOCAB).toArray();
      batch.add(ids);
    }
    return batch;
  }

  private static long residentBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
