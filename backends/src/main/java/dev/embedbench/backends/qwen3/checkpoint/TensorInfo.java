package dev.embedbench.backends.qwen3.checkpoint;

import java.util.Arrays;

/**
 * One tensor's entry in a safetensors header.
 *
 * @param name as written in the file
 * @param dtype element type
 * @param shape dimensions, outermost first
 * @param begin first byte, relative to the end of the header
 * @param end one past the last byte, relative to the end of the header
 */
public record TensorInfo(String name, DType dtype, long[] shape, long begin, long end) {

  public TensorInfo {
    shape = shape.clone();
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          "data_offsets must satisfy 0 <= begin <= end, was [" + begin + ", " + end + "]");
    }
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  public long elements() {
    long count = 1;
    for (long dimension : shape) {
      count = Math.multiplyExact(count, dimension);
    }
    return count;
  }

  public String shapeText() {
    return Arrays.toString(shape);
  }

  public boolean hasShape(long... expected) {
    return Arrays.equals(shape, expected);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TensorInfo that
        && name.equals(that.name)
        && dtype == that.dtype
        && Arrays.equals(shape, that.shape)
        && begin == that.begin
        && end == that.end;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + " " + dtype + " " + shapeText();
  }
}
