package dev.embedbench.backends.qwen3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.embedbench.backends.qwen3.TinyCheckpoints.Layout;
import dev.embedbench.backends.qwen3.checkpoint.DType;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Checkpoint;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import dev.embedbench.backends.qwen3.model.Qwen3Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DJL fp32 against the double-precision reference, across shapes and checkpoint layouts. */
class ForwardPassTest {

  static final double TOLERANCE = 1e-5;

  static final int[][] SEQUENCES = {
    {5, 17, 42, 99, 3, TinyCheckpoints.EOS},
    {TinyCheckpoints.EOS},
    {
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      10,
      11,
      12,
      13,
      14,
      15,
      16,
      17,
      18,
      19,
      20,
      21,
      22,
      TinyCheckpoints.EOS
    },
    {88, 88, 88, TinyCheckpoints.EOS},
  };

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("GQA, heads x head_dim != hidden", TinyCheckpoints.GQA, Layout.PLAIN),
        Arguments.of("MQA, one kv head", TinyCheckpoints.MQA, Layout.PLAIN),
        Arguments.of("MHA, three layers", TinyCheckpoints.MHA, Layout.PLAIN),
        Arguments.of("F16 file", TinyCheckpoints.GQA, new Layout(DType.F16, false, 1)),
        Arguments.of("BF16 file", TinyCheckpoints.GQA, new Layout(DType.BF16, false, 1)),
        Arguments.of(
            "model. prefix, 3 shards", TinyCheckpoints.GQA, new Layout(DType.F32, true, 3)),
        Arguments.of(
            "BF16, 2 shards, no prefix", TinyCheckpoints.MHA, new Layout(DType.BF16, false, 2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void djlFp32MatchesDoubleReference(
      String label, Qwen3Config config, Layout layout, @TempDir Path dir) throws Exception {
    TinyCheckpoints.write(dir, config, TinyCheckpoints.randomWeights(config, 7, 0.2), layout);
    Qwen3Checkpoint checkpoint = Qwen3Checkpoint.open(dir);
    ReferenceQwen3 reference = new ReferenceQwen3(checkpoint);
    List<int[]> batch = new ArrayList<>(List.of(SEQUENCES));
    try (Qwen3Model model = Qwen3Model.load(checkpoint, Device.cpu())) {
      float[][] batched = model.embed(batch);
      for (int i = 0; i < SEQUENCES.length; i++) {
        double[] expected = reference.embed(SEQUENCES[i]);
        float[] alone = model.embed(List.of(SEQUENCES[i]))[0];
        assertEquals(config.hiddenSize(), alone.length);
        assertTrue(
            maxAbs(expected, alone) < TOLERANCE,
            label + ", sequence " + i + " alone: max abs diff " + maxAbs(expected, alone));
        assertTrue(
            maxAbs(expected, batched[i]) < TOLERANCE,
            label
                + ", sequence "
                + i
                + " in a padded batch: max abs diff "
                + maxAbs(expected, batched[i]));
      }
    }
  }

  static double maxAbs(double[] expected, float[] actual) {
    double max = 0;
    for (int i = 0; i < expected.length; i++) {
      max = Math.max(max, Math.abs(expected[i] - actual[i]));
    }
    return max;
  }

  /**
   * The GPU path's dtypes (fp16 weights and matmuls; fp32 norms, softmax and residual) run on CPU
   * here, since CI has no GPU: they must stay within fp16 rounding of the reference.
   */
  @Test
  void fp16PathStaysCloseToTheReference(@TempDir Path dir) throws Exception {
    Qwen3Config config = TinyCheckpoints.GQA;
    TinyCheckpoints.write(dir, config, TinyCheckpoints.randomWeights(config, 7, 0.2), Layout.PLAIN);
    Qwen3Checkpoint checkpoint = Qwen3Checkpoint.open(dir);
    ReferenceQwen3 reference = new ReferenceQwen3(checkpoint);
    try (Qwen3Model model = Qwen3Model.load(checkpoint, Device.cpu(), DataType.FLOAT16)) {
      assertEquals(DataType.FLOAT16, model.dataType());
      float[][] batched = model.embed(new ArrayList<>(List.of(SEQUENCES)));
      for (int i = 0; i < SEQUENCES.length; i++) {
        double diff = maxAbs(reference.embed(SEQUENCES[i]), batched[i]);
        assertTrue(diff < 5e-3, "fp16 sequence " + i + ": max abs diff " + diff);
      }
    }
  }
}
