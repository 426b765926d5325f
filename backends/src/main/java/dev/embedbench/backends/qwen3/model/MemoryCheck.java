package dev.embedbench.backends.qwen3.model;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import dev.embedbench.backends.qwen3.checkpoint.CheckpointException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Refuses to load weights that will not fit. Weights live in native memory (libtorch), not on the
 * Java heap, so the yardstick is physical memory available now (MemAvailable in /proc/meminfo, else
 * the OS's free memory) on CPU, and free device memory on GPU. Needed: the weights at the run dtype
 * plus headroom for activations: 10% of the weights, at least 512 MiB.
 */
public final class MemoryCheck {

  private static final long MIB = 1024 * 1024;
  private static final long MIN_HEADROOM_BYTES = 512 * MIB;

  private MemoryCheck() {}

  /** Bytes the weights plus activation headroom need. */
  public static long neededBytes(long parameters, int bytesPerParameter) {
    long weights = Math.multiplyExact(parameters, bytesPerParameter);
    return weights + Math.max(MIN_HEADROOM_BYTES, weights / 10);
  }

  /** Throws naming {@code modelDir} when {@code neededBytes} exceed {@code availableBytes}. */
  public static void require(Path modelDir, long neededBytes, long availableBytes, String where) {
    if (neededBytes > availableBytes) {
      throw new CheckpointException(
          modelDir,
          String.format(
              "the model needs about %.1f GiB of %s (weights plus activation headroom) but only %.1f GiB "
                  + "is available; free memory, use a smaller model, or a larger machine",
              neededBytes / 1024.0 / MIB, where, availableBytes / 1024.0 / MIB));
    }
  }

  /** Memory available for weights on {@code device} now, in bytes. */
  public static long availableBytes(Device device) {
    if (device.isGpu()) {
      MemoryUsage usage = CudaUtils.getGpuMemory(device);
      return usage.getMax() - usage.getUsed();
    }
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/meminfo"));
      for (String line : lines) {
        if (line.startsWith("MemAvailable:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Not Linux or unreadable: fall back to what the JVM reports.
    }
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getFreeMemorySize();
    }
    return Long.MAX_VALUE;
  }
}
