package dev.embedbench.backends.qwen3.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A safetensors file: an 8-byte little-endian header length, a JSON header, then raw little-endian
 * data. Only the header is read on open; tensor data is memory-mapped a chunk at a time when read,
 * so files (and tensors) over 2 GiB need no byte[] of their size.
 */
public final class SafetensorsFile {

  /** Real headers are a few hundred KiB; anything this large is corruption, not a header. */
  private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;
  private final long dataStart;
  private final Map<String, TensorInfo> tensors;

  private SafetensorsFile(Path path, long dataStart, Map<String, TensorInfo> tensors) {
    this.path = path;
    this.dataStart = dataStart;
    this.tensors = Collections.unmodifiableMap(tensors);
  }

  /** Reads and checks the header; every tensor's bytes must lie inside the file. */
  public static SafetensorsFile open(Path path) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long fileSize = channel.size();
      if (fileSize < 8) {
        throw new CheckpointException(
            path,
            "truncated safetensors file: "
                + fileSize
                + " bytes, shorter than the 8-byte header length");
      }
      ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(channel, lengthBytes, 0);
      long headerLength = lengthBytes.flip().getLong();
      if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES) {
        throw new CheckpointException(
            path,
            "corrupt safetensors header: header length "
                + headerLength
                + " is not between 1 and "
                + MAX_HEADER_BYTES
                + " bytes");
      }
      if (8 + headerLength > fileSize) {
        throw new CheckpointException(
            path,
            "truncated safetensors header: it declares "
                + headerLength
                + " bytes but the file has only "
                + (fileSize - 8)
                + " after the length");
      }
      ByteBuffer header = ByteBuffer.allocate((int) headerLength);
      readFully(channel, header, 8);
      long dataStart = 8 + headerLength;
      Map<String, TensorInfo> tensors =
          parseHeader(
              path, new String(header.array(), StandardCharsets.UTF_8), fileSize - dataStart);
      return new SafetensorsFile(path, dataStart, tensors);
    } catch (NoSuchFileException e) {
      throw new CheckpointException(path, "missing file");
    } catch (IOException e) {
      throw new CheckpointException(path, "cannot read: " + e.getMessage(), e);
    }
  }

  private static Map<String, TensorInfo> parseHeader(Path path, String text, long dataBytes) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new CheckpointException(
          path, "corrupt safetensors header: not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new CheckpointException(path, "corrupt safetensors header: not a JSON object");
    }
    Map<String, TensorInfo> tensors = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().equals("__metadata__")) {
        continue;
      }
      TensorInfo info = parseTensor(path, field.getKey(), field.getValue());
      long expectedBytes = Math.multiplyExact(info.elements(), info.dtype().bytes());
      if (info.end() - info.begin() != expectedBytes) {
        throw new CheckpointException(
            path,
            "corrupt safetensors header: tensor '"
                + info.name()
                + "' of shape "
                + info.shapeText()
                + " and dtype "
                + info.dtype()
                + " needs "
                + expectedBytes
                + " bytes but its data_offsets span "
                + (info.end() - info.begin()));
      }
      if (info.end() > dataBytes) {
        throw new CheckpointException(
            path,
            "truncated safetensors file: tensor '"
                + info.name()
                + "' ends at data byte "
                + info.end()
                + " but the file holds only "
                + dataBytes
                + " data bytes");
      }
      tensors.put(info.name(), info);
    }
    return tensors;
  }

  private static TensorInfo parseTensor(Path path, String name, JsonNode node) {
    JsonNode dtype = node.get("dtype");
    JsonNode shape = node.get("shape");
    JsonNode offsets = node.get("data_offsets");
    if (dtype == null
        || !dtype.isTextual()
        || shape == null
        || !shape.isArray()
        || offsets == null
        || !offsets.isArray()
        || offsets.size() != 2) {
      throw new CheckpointException(
          path,
          "corrupt safetensors header: tensor '"
              + name
              + "' needs a string dtype, an array shape and two data_offsets");
    }
    DType type = DType.parse(dtype.asText());
    if (type == null) {
      throw new CheckpointException(
          path,
          "unsupported dtype "
              + dtype.asText()
              + " for tensor '"
              + name
              + "' (supported: F32, F16, BF16)");
    }
    long[] dims = new long[shape.size()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = shape.get(i).asLong(-1);
      if (dims[i] < 0) {
        throw new CheckpointException(
            path,
            "corrupt safetensors header: tensor '"
                + name
                + "' has a negative or non-numeric dimension");
      }
    }
    long begin = offsets.get(0).asLong(-1);
    long end = offsets.get(1).asLong(-1);
    if (begin < 0 || end < begin) {
      throw new CheckpointException(
          path,
          "corrupt safetensors header: tensor '"
              + name
              + "' has data_offsets ["
              + begin
              + ", "
              + end
              + "]");
    }
    return new TensorInfo(name, type, dims, begin, end);
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, position + buffer.position());
      if (read < 0) {
        throw new IOException("unexpected end of file");
      }
    }
  }

  public Path path() {
    return path;
  }

  /** Tensors by name, in header order. */
  public Map<String, TensorInfo> tensors() {
    return tensors;
  }

  /**
   * Decodes {@code count} elements of {@code tensor}, starting at element {@code first}, to fp32
   * into {@code target} at its position. Maps only the bytes it reads.
   */
  public void readFloats(TensorInfo tensor, long first, int count, FloatBuffer target) {
    if (first < 0 || count < 0 || first + count > tensor.elements()) {
      throw new IllegalArgumentException(
          "elements ["
              + first
              + ", "
              + (first + count)
              + ") must lie within tensor '"
              + tensor.name()
              + "' of "
              + tensor.elements()
              + " elements");
    }
    int bytes = tensor.dtype().bytes();
    long position = dataStart + tensor.begin() + first * bytes;
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      MappedByteBuffer mapped =
          channel.map(FileChannel.MapMode.READ_ONLY, position, (long) count * bytes);
      mapped.order(ByteOrder.LITTLE_ENDIAN);
      DType dtype = tensor.dtype();
      if (dtype == DType.F32) {
        target.put(mapped.asFloatBuffer());
      } else {
        for (int i = 0; i < count; i++) {
          target.put(dtype.read(mapped));
        }
      }
    } catch (IOException e) {
      throw new CheckpointException(
          path, "cannot read tensor '" + tensor.name() + "': " + e.getMessage(), e);
    }
  }

  /** Checks that the file exists without reading it; used to name a missing shard early. */
  static boolean exists(Path path) {
    return Files.isRegularFile(path);
  }
}
