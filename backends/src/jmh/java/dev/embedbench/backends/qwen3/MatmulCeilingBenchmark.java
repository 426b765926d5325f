package dev.embedbench.backends.qwen3;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * libtorch's fp32 matmul of two n x n matrices through DJL: the ceiling the model is measured
 * against.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Dai.djl.offline=true"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class MatmulCeilingBenchmark {

  @Param({"1024"})
  public int n;

  private NDManager manager;
  private NDArray a;
  private NDArray b;

  @Setup
  public void create() {
    manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    a = manager.randomNormal(new Shape(n, n), DataType.FLOAT32);
    b = manager.randomNormal(new Shape(n, n), DataType.FLOAT32);
  }

  @Benchmark
  public float matmul() {
    try (NDArray product = a.matMul(b)) {
      return product.getFloat(0, 0);
    }
  }

  @TearDown
  public void close() {
    manager.close();
  }

  static double flops(int n) {
    return 2.0 * n * n * n;
  }
}
