package dev.embedbench.backends.qwen3.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes safetensors files, streaming each tensor's values so a 0.6B-sized checkpoint never needs
 * its weights in one array. Used by the synthetic checkpoint generator and by tests.
 */
public final class SafetensorsWriter {

  /** Produces a tensor's values in order, a chunk at a time. */
  @FunctionalInterface
  public interface Values {
    /** Fills {@code chunk[0..count)} with elements {@code first..first+count} of the tensor. */
    void fill(long first, float[] chunk, int count);

    static Values of(float[] data) {
      return (first, chunk, count) -> System.arraycopy(data, (int) first, chunk, 0, count);
    }
  }

  /** One tensor to write. */
  public record Entry(String name, DType dtype, long[] shape, Values values) {
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(dtype, "dtype");
      Objects.requireNonNull(values, "values");
      shape = shape.clone();
      for (long dimension : shape) {
        if (dimension < 0) {
          throw new IllegalArgumentException(
              "shape dimensions must be >= 0, was " + Arrays.toString(shape));
        }
      }
    }

    public long elements() {
      long count = 1;
      for (long dimension : shape) {
        count = Math.multiplyExact(count, dimension);
      }
      return count;
    }
  }

  private static final int CHUNK_ELEMENTS = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Entry> entries = new ArrayList<>();

  public SafetensorsWriter add(String name, DType dtype, long[] shape, Values values) {
    entries.add(new Entry(name, dtype, shape, values));
    return this;
  }

  public SafetensorsWriter add(String name, DType dtype, long[] shape, float[] data) {
    long elements = new Entry(name, dtype, shape, Values.of(data)).elements();
    if (elements != data.length) {
      throw new IllegalArgumentException(
          "data for '"
              + name
              + "' must hold "
              + elements
              + " values for shape "
              + Arrays.toString(shape)
              + ", was "
              + data.length);
    }
    return add(name, dtype, shape, Values.of(data));
  }

  /**
   * Writes the header (padded with spaces to a multiple of 8 bytes, as the reference writer does)
   * and data.
   */
  public void write(Path file) throws IOException {
    ObjectNode header = JSON.createObjectNode();
    header.putObject("__metadata__").put("format", "pt");
    long offset = 0;
    for (Entry entry : entries) {
      long bytes = Math.multiplyExact(entry.elements(), entry.dtype().bytes());
      ObjectNode node = header.putObject(entry.name());
      node.put("dtype", entry.dtype().name());
      ArrayNode shape = node.putArray("shape");
      for (long dimension : entry.shape()) {
        shape.add(dimension);
      }
      node.putArray("data_offsets").add(offset).add(offset + bytes);
      offset += bytes;
    }
    byte[] json = JSON.writeValueAsBytes(header);
    int padded = (json.length + 7) / 8 * 8;
    ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    head.putLong(padded).put(json);
    while (head.hasRemaining()) {
      head.put((byte) ' ');
    }
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      writeFully(channel, head.flip());
      float[] chunk = new float[CHUNK_ELEMENTS];
      ByteBuffer out = ByteBuffer.allocate(CHUNK_ELEMENTS * 4).order(ByteOrder.LITTLE_ENDIAN);
      for (Entry entry : entries) {
        long total = entry.elements();
        for (long first = 0; first < total; first += CHUNK_ELEMENTS) {
          int count = (int) Math.min(CHUNK_ELEMENTS, total - first);
          entry.values().fill(first, chunk, count);
          out.clear();
          for (int i = 0; i < count; i++) {
            entry.dtype().write(out, chunk[i]);
          }
          writeFully(channel, out.flip());
        }
      }
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }
}
