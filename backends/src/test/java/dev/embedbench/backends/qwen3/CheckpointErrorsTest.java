package dev.embedbench.backends.qwen3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.qwen3.TinyCheckpoints.Layout;
import dev.embedbench.backends.qwen3.checkpoint.CheckpointException;
import dev.embedbench.backends.qwen3.checkpoint.DType;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Checkpoint;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import dev.embedbench.backends.qwen3.checkpoint.SafetensorsFile;
import dev.embedbench.backends.qwen3.checkpoint.SafetensorsWriter;
import dev.embedbench.backends.qwen3.checkpoint.TensorInfo;
import dev.embedbench.backends.qwen3.model.MemoryCheck;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken model directories fail with a message naming the file and the problem. No DJL needed. */
class CheckpointErrorsTest {

  @TempDir Path dir;

  private Path tinyModel() throws IOException {
    return TinyCheckpoints.writeRandom(dir, TinyCheckpoints.GQA, 1);
  }

  private static CheckpointException failsToOpen(Path dir) {
    return assertThrows(CheckpointException.class, () -> Qwen3Checkpoint.open(dir));
  }

  private static void assertMessage(CheckpointException e, String file, String... parts) {
    assertTrue(e.getMessage().contains(file), "names " + file + ": " + e.getMessage());
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "says '" + part + "': " + e.getMessage());
    }
  }

  @Test
  void validModelOpens() throws IOException {
    Qwen3Checkpoint checkpoint = Qwen3Checkpoint.open(tinyModel());
    assertEquals(TinyCheckpoints.GQA, checkpoint.config());
    assertEquals(TinyCheckpoints.GQA.parameterCount(), checkpoint.parameterCount());
  }

  @Test
  void missingConfig() throws IOException {
    Files.delete(tinyModel().resolve("config.json"));
    assertMessage(failsToOpen(dir), "config.json", "missing file");
  }

  @Test
  void missingWeights() throws IOException {
    Files.delete(tinyModel().resolve("model.safetensors"));
    assertMessage(
        failsToOpen(dir),
        dir.toString(),
        "neither model.safetensors nor model.safetensors.index.json");
  }

  @Test
  void missingShard() throws IOException {
    TinyCheckpoints.write(
        dir,
        TinyCheckpoints.GQA,
        TinyCheckpoints.randomWeights(TinyCheckpoints.GQA, 1, 0.2),
        new Layout(DType.F32, false, 2));
    Files.delete(dir.resolve("model-00002-of-00002.safetensors"));
    assertMessage(failsToOpen(dir), "model-00002-of-00002.safetensors", "missing file");
  }

  @Test
  void fileShorterThanHeaderLength() throws IOException {
    Files.write(tinyModel().resolve("model.safetensors"), new byte[] {1, 2, 3});
    assertMessage(failsToOpen(dir), "model.safetensors", "truncated safetensors file");
  }

  @Test
  void headerLongerThanFile() throws IOException {
    Path file = tinyModel().resolve("model.safetensors");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, 40));
    assertMessage(failsToOpen(dir), "model.safetensors", "truncated safetensors header");
  }

  @Test
  void headerNotJson() throws IOException {
    byte[] json = "{\"embed_tokens.weight\": {\"dtype\": ".getBytes(StandardCharsets.UTF_8);
    writeRaw(tinyModel().resolve("model.safetensors"), json, 0);
    assertMessage(
        failsToOpen(dir), "model.safetensors", "corrupt safetensors header", "not valid JSON");
  }

  @Test
  void absurdHeaderLength() throws IOException {
    ByteBuffer buffer =
        ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-5).putLong(0);
    Files.write(tinyModel().resolve("model.safetensors"), buffer.array());
    assertMessage(
        failsToOpen(dir), "model.safetensors", "corrupt safetensors header", "header length -5");
  }

  @Test
  void dataCutShort() throws IOException {
    Path file = tinyModel().resolve("model.safetensors");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 100));
    assertMessage(
        failsToOpen(dir), "model.safetensors", "truncated safetensors file", "norm.weight");
  }

  @Test
  void unsupportedDtype() throws IOException {
    byte[] json =
        "{\"embed_tokens.weight\":{\"dtype\":\"I8\",\"shape\":[2],\"data_offsets\":[0,2]}}"
            .getBytes(StandardCharsets.UTF_8);
    writeRaw(tinyModel().resolve("model.safetensors"), json, 2);
    assertMessage(
        failsToOpen(dir), "model.safetensors", "unsupported dtype I8", "embed_tokens.weight");
  }

  @Test
  void missingTensor() throws IOException {
    Map<String, float[]> weights = TinyCheckpoints.randomWeights(TinyCheckpoints.GQA, 1, 0.2);
    weights.remove("layers.1.mlp.up_proj.weight");
    TinyCheckpoints.write(dir, TinyCheckpoints.GQA, weights, Layout.PLAIN);
    assertMessage(
        failsToOpen(dir),
        dir.toString(),
        "missing tensor 'layers.1.mlp.up_proj.weight'",
        "model.safetensors");
  }

  @Test
  void misShapedTensor() throws IOException {
    tinyModel();
    Qwen3Config wider = TinyCheckpoints.config(32, 2, 4, 2, 16, 64);
    Files.writeString(dir.resolve("config.json"), wider.toJson());
    assertMessage(
        failsToOpen(dir),
        "model.safetensors",
        "tensor 'layers.0.mlp.gate_proj.weight' has shape [48, 32]",
        "config.json implies [64, 32]");
  }

  @Test
  void unsupportedModelType() throws IOException {
    Path config = tinyModel().resolve("config.json");
    Files.writeString(config, Files.readString(config).replace("\"qwen3\"", "\"qwen2\""));
    assertMessage(failsToOpen(dir), "config.json", "unsupported model_type 'qwen2'");
  }

  @Test
  void inconsistentConfig() throws IOException {
    Path config = tinyModel().resolve("config.json");
    Files.writeString(
        config,
        Files.readString(config)
            .replace("\"num_key_value_heads\" : 2", "\"num_key_value_heads\" : 3"));
    assertMessage(
        failsToOpen(dir),
        "config.json",
        "num_attention_heads must be a multiple of num_key_value_heads");
  }

  @Test
  void memoryCheckRefusesWithAMessage() {
    long needed = MemoryCheck.neededBytes(Qwen3Config.qwen3Embedding06b(false).parameterCount(), 4);
    CheckpointException e =
        assertThrows(
            CheckpointException.class, () -> MemoryCheck.require(dir, needed, 1L << 30, "memory"));
    assertMessage(e, dir.toString(), "needs about 2.", "GiB of memory", "only 1.0 GiB");
    MemoryCheck.require(dir, needed, 64L << 30, "memory");
  }

  @Test
  void dtypesRoundTripThroughTheWriter() throws IOException {
    float[] values = {0f, 1f, -2.5f, 3.1415927f, 65504f, 1e-5f, -7.0e-8f, 1234.5678f};
    for (DType dtype : DType.values()) {
      Path file = dir.resolve(dtype + ".safetensors");
      new SafetensorsWriter().add("x", dtype, new long[] {2, 4}, values).write(file);
      SafetensorsFile opened = SafetensorsFile.open(file);
      TensorInfo info = opened.tensors().get("x");
      FloatBuffer out = FloatBuffer.allocate(8);
      opened.readFloats(info, 0, 8, out);
      for (int i = 0; i < values.length; i++) {
        double tolerance =
            dtype == DType.F32
                ? 0
                : Math.abs(values[i]) * (dtype == DType.F16 ? 1e-3 : 8e-3) + 1e-7;
        assertEquals(values[i], out.get(i), tolerance, dtype + " element " + i);
      }
    }
  }

  /** A safetensors file with the given header and {@code dataBytes} zero bytes. */
  private static void writeRaw(Path file, byte[] header, int dataBytes) throws IOException {
    ByteBuffer buffer =
        ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putLong(header.length).put(header);
    Files.write(file, buffer.array());
  }
}
