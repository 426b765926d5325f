package dev.embedbench.backends.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link EmbeddingsResponseEncoder} and {@link EmbeddingsResponseParser} on an embeddings response
 * of {@code vectors} unit vectors of {@code dimensions} floats, as float JSON and as base64: the
 * work the gateway does on every answer. Run with {@code bench/jmh --module backends
 * CodecBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

  @Param("32")
  public int vectors;

  @Param("1024")
  public int dimensions;

  private EmbeddingsResponse response;
  private byte[] floatJson;
  private byte[] base64Json;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    List<float[]> unitVectors = new ArrayList<>(vectors);
    for (int v = 0; v < vectors; v++) {
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
      unitVectors.add(vector);
    }
    response = new EmbeddingsResponse("Qwen3-Embedding-0.6B", unitVectors, vectors * 128);
    floatJson = EmbeddingsResponseEncoder.encode(response, EncodingFormat.FLOAT);
    base64Json = EmbeddingsResponseEncoder.encode(response, EncodingFormat.BASE64);
  }

  @Benchmark
  public byte[] encodeFloat() {
    return EmbeddingsResponseEncoder.encode(response, EncodingFormat.FLOAT);
  }

  @Benchmark
  public byte[] encodeBase64() {
    return EmbeddingsResponseEncoder.encode(response, EncodingFormat.BASE64);
  }

  @Benchmark
  public EmbeddingsResponse decodeFloat() {
    return EmbeddingsResponseParser.parse(floatJson);
  }

  @Benchmark
  public EmbeddingsResponse decodeBase64() {
    return EmbeddingsResponseParser.parse(base64Json);
  }

  /** {@link #decodeBase64} with the parser as it was before base64 was checked undecoded. */
  @Benchmark
  public EmbeddingsResponse decodeBase64Baseline() {
    return BaselineResponseParser.parse(base64Json);
  }

  /**
   * The gateway's work on an upstream's base64 answer for a base64 client: decode (with the vector
   * check), then encode for the client.
   */
  @Benchmark
  public byte[] roundTripBase64() {
    return EmbeddingsResponseEncoder.encode(
        EmbeddingsResponseParser.parse(base64Json), EncodingFormat.BASE64);
  }

  /** {@link #roundTripBase64} with the baseline parser and the Jackson encoder. */
  @Benchmark
  public byte[] roundTripBase64Baseline() {
    return CodecCpuRatio.baselineEncode(BaselineResponseParser.parse(base64Json));
  }
}
