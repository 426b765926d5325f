package dev.embedbench.backends.qwen3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Checkpoint;
import dev.embedbench.backends.qwen3.model.Qwen3Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many forward passes on a tiny model leave the open NDArray count unchanged and resident memory
 * flat. The number of batches is the system property {@value #BATCHES_PROPERTY} (default {@value
 * #DEFAULT_BATCHES}, 15-30 s on a busy 2-core machine; the figure of 10,000 takes about 45
 * s: {@code -Dembedbench.qwen3.flatnessBatches=10000}). A leaked array shows at once in the count;
 * RSS (its trend over ten samples) catches native leaks of a few KiB per batch.
 */
class MemoryFlatnessTest {

  static final String BATCHES_PROPERTY = "embedbench.qwen3.flatnessBatches";
  static final int DEFAULT_BATCHES = 3000;

  /**
   * Heap and allocator noise moves RSS by tens of MiB either way (measured); a native leak of 11
   * KiB per batch crosses this over the default 3,000 batches, 4 KiB per batch over 10,000.
   */
  static final long ALLOWED_GROWTH_BYTES = 32L << 20;

  static final int SAMPLES = 10;

  @Test
  void manyBatchesLeaveArraysAndResidentMemoryFlat(@TempDir Path dir) throws Exception {
    int batches = Integer.getInteger(BATCHES_PROPERTY, DEFAULT_BATCHES);
    TinyCheckpoints.writeRandom(dir, TinyCheckpoints.GQA, 3);
    SplittableRandom random = new SplittableRandom(1);
    try (Qwen3Model model = Qwen3Model.load(Qwen3Checkpoint.open(dir), Device.cpu())) {
      int weights = model.openArrayCount();
      // Warm-up lets the JIT, the allocator's arenas and the heap reach their working size.
      for (int i = 0; i < Math.max(500, batches / 5); i++) {
        model.embed(randomBatch(random));
      }
      // RSS is sampled ten times; a leak grows it steadily, while heap and allocator noise wanders.
      // The median of the first three samples is compared with the median of the last three.
      long[] samples = new long[SAMPLES];
      for (int sample = 0; sample < SAMPLES; sample++) {
        for (int i = 0; i < batches / SAMPLES; i++) {
          model.embed(randomBatch(random));
        }
        assertEquals(weights, model.openArrayCount(), "open NDArrays after sample " + sample);
        samples[sample] = settledResidentBytes();
      }
      long growth = median(samples, SAMPLES - 3) - median(samples, 0);
      System.out.printf(
          "MemoryFlatnessTest: %d batches, open NDArrays %d (weights %d), RSS samples (MiB) %s%n",
          batches, model.openArrayCount(), weights, mebibytes(samples));
      assertTrue(
          growth < ALLOWED_GROWTH_BYTES,
          "RSS grew by "
              + (growth >> 20)
              + " MiB over "
              + batches
              + " batches: "
              + mebibytes(samples));
    }
  }

  private static long median(long[] samples, int from) {
    long[] three = Arrays.copyOfRange(samples, from, from + 3);
    Arrays.sort(three);
    return three[1];
  }

  private static String mebibytes(long[] samples) {
    return Arrays.toString(Arrays.stream(samples).map(bytes -> bytes >> 20).toArray());
  }

  private static long settledResidentBytes() throws Exception {
    System.gc();
    Thread.sleep(100);
    return residentBytes();
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
