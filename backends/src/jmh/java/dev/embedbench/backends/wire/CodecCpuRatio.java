package dev.embedbench.backends.wire;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * The upstream answer's parse, and parse plus base64 encode, against {@link BaselineResponseParser}
 * (and the Jackson encoder for the encode), as CPU nanoseconds per operation of this process (not
 * wall time, which other processes on a shared machine inflate; the process's, not the thread's, so
 * that the garbage collector's work counts), in interleaved rounds; prints the median of each, the
 * ratio and the bytes each allocates per operation. Run with {@code java -cp <bench/jmh's
 * classpath> dev.embedbench.backends.wire.CodecCpuRatio [vectors] [rounds]}.
 */
public final class CodecCpuRatio {

  private CodecCpuRatio() {}

  public static void main(String[] args) {
    int vectors = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    byte[] body =
        EmbeddingsResponseEncoder.encode(
            new EmbeddingsResponse("Qwen3-Embedding-0.6B", unitVectors(vectors, 1024), 128),
            EncodingFormat.BASE64);
    int ops = Math.max(1000, 100_000 / vectors);
    compare(
        "parse base64, " + vectors + " x 1024",
        b -> EmbeddingsResponseParser.parse(b).promptTokens(),
        b -> BaselineResponseParser.parse(b).promptTokens(),
        body,
        ops,
        rounds);
    compare(
        "parse + encode base64, " + vectors + " x 1024",
        b ->
            EmbeddingsResponseEncoder.encode(
                    EmbeddingsResponseParser.parse(b), EncodingFormat.BASE64)
                .length,
        b -> baselineEncode(BaselineResponseParser.parse(b)).length,
        body,
        ops,
        rounds);
  }

  /** The encoder as it was before passed-through base64 was written as bytes: Jackson's. */
  static byte[] baselineEncode(EmbeddingsResponse response) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(
            EmbeddingsResponseEncoder.encodedSizeHint(response, EncodingFormat.BASE64));
    EmbeddingsResponseEncoder.encodeWithJackson(response, EncodingFormat.BASE64, out);
    return out.toByteArray();
  }

  private static void compare(
      String what,
      ToIntFunction<byte[]> current,
      ToIntFunction<byte[]> baseline,
      byte[] body,
      int ops,
      int rounds) {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    // Warm-up: both paths compiled before any round counts.
    long sink = run(current, body, ops * 3L) + run(baseline, body, ops * 3L);
    double[] currentNanos = new double[rounds];
    double[] baselineNanos = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      // Alternate which goes first, so that neither always follows the other's garbage.
      boolean currentFirst = r % 2 == 0;
      for (int k = 0; k < 2; k++) {
        boolean isCurrent = (k == 0) == currentFirst;
        long start = os.getProcessCpuTime();
        sink += run(isCurrent ? current : baseline, body, ops);
        double nanos = (os.getProcessCpuTime() - start) / (double) ops;
        (isCurrent ? currentNanos : baselineNanos)[r] = nanos;
      }
    }
    ThreadMXBean thread = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = thread.getCurrentThreadAllocatedBytes();
    sink += run(current, body, ops);
    double currentBytes = (thread.getCurrentThreadAllocatedBytes() - before) / (double) ops;
    before = thread.getCurrentThreadAllocatedBytes();
    sink += run(baseline, body, ops);
    double baselineBytes = (thread.getCurrentThreadAllocatedBytes() - before) / (double) ops;
    double c = median(currentNanos);
    double b = median(baselineNanos);
    System.out.printf(
        Locale.ROOT,
        "%s: current %.0f ns CPU/op (range %.0f-%.0f), baseline %.0f (range %.0f-%.0f),"
            + " current/baseline %.2f; allocated %.0f B/op against %.0f  [sink %d]%n",
        what,
        c,
        min(currentNanos),
        max(currentNanos),
        b,
        min(baselineNanos),
        max(baselineNanos),
        c / b,
        currentBytes,
        baselineBytes,
        sink & 1);
  }

  private static long run(ToIntFunction<byte[]> work, byte[] body, long ops) {
    long sink = 0;
    for (long i = 0; i < ops; i++) {
      sink += work.applyAsInt(body);
    }
    return sink;
  }

  static List<float[]> unitVectors(int count, int dimensions) {
    SplittableRandom random = new SplittableRandom(42);
    List<float[]> vectors = new ArrayList<>(count);
    for (int v = 0; v < count; v++) {
      float[] vector = new float[dimensions];
      double norm = 0;
      for (int i = 0; i < dimensions; i++) {
        vector[i] = (float) random.nextDouble(-1, 1);
        norm += vector[i] * vector[i];
      }
      float scale = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < dimensions; i++) {
        vector[i] *= scale;
      }
      vectors.add(vector);
    }
    return vectors;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(0);
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(0);
  }
}
