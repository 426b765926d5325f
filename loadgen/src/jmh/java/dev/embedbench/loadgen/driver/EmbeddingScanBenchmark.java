package dev.embedbench.loadgen.driver;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the check every response gets: one 1024-dimension float embedding (about 22 KB, the
 * capacity benchmark's response) scanned as it arrives in 8 KB chunks: as the Vert.x client hands
 * them ({@code vertx-heap}: a heap {@link Buffer}) or as the lean client's decoder does ({@code
 * netty-heap}, {@code netty-direct}: a {@link ByteBuf}). Run with {@code bench/jmh --module loadgen
 * EmbeddingScanBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EmbeddingScanBenchmark {

  private static final int CHUNK_BYTES = 8192;

  @Param({"vertx-heap", "netty-heap", "netty-direct"})
  String memory;

  private Buffer[] buffers;
  private ByteBuf[] bufs;
  private final AtomicInteger dimensions = new AtomicInteger(1024);

  @Setup
  public void setUp() {
    StringBuilder body =
        new StringBuilder(
            "{\"object\": \"list\", \"data\": [{\"object\": \"embedding\", "
                + "\"index\": 0, \"embedding\": [");
    for (int i = 0; i < 1024; i++) {
      body.append(i == 0 ? "" : ", ").append(0.03125);
    }
    body.append(
        "]}], \"model\": \"bench\", \"usage\": {\"prompt_tokens\": 8, \"total_tokens\": 8}}");
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    int count = (bytes.length + CHUNK_BYTES - 1) / CHUNK_BYTES;
    buffers = new Buffer[count];
    bufs = new ByteBuf[count];
    for (int i = 0; i < count; i++) {
      int from = i * CHUNK_BYTES;
      int length = Math.min(CHUNK_BYTES, bytes.length - from);
      buffers[i] = Buffer.buffer(Arrays.copyOfRange(bytes, from, from + length));
      bufs[i] =
          "netty-direct".equals(memory)
              ? Unpooled.directBuffer(length).writeBytes(bytes, from, length)
              : Unpooled.wrappedBuffer(bytes, from, length);
    }
  }

  @Benchmark
  public String scanOneResponse() {
    EmbeddingScan scan = new EmbeddingScan(dimensions);
    if ("vertx-heap".equals(memory)) {
      for (Buffer chunk : buffers) {
        scan.feed(chunk);
      }
    } else {
      for (ByteBuf chunk : bufs) {
        scan.feed(chunk);
      }
    }
    String problem = scan.finish(1);
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
    return problem;
  }
}
