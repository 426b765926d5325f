package dev.embedbench.backends.qwen3.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.embedbench.backends.qwen3.checkpoint.TensorRef;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Copies checkpoint tensors into NDArrays owned by the model's manager, a chunk of rows at a time:
 * Java decodes F32/F16/BF16 to fp32 into one reusable direct buffer, DJL copies each chunk into the
 * target (converting to fp16 on GPU). Peak extra memory is one chunk, whatever the tensor's size,
 * and no NDArray ever aliases the memory-mapped file.
 */
final class WeightLoader {

  private static final int CHUNK_ELEMENTS = 4 << 20;

  private final NDManager manager;
  private final DataType dataType;
  private final ByteBuffer staging =
      ByteBuffer.allocateDirect(CHUNK_ELEMENTS * Float.BYTES).order(ByteOrder.nativeOrder());

  WeightLoader(NDManager manager, DataType dataType) {
    this.manager = manager;
    this.dataType = dataType;
  }

  /** A 1-D or 2-D tensor as stored. */
  NDArray load(TensorRef tensor) {
    return loadRows(tensor);
  }

  /**
   * Several 2-D tensors with the same column count stacked along rows into one array, so that one
   * matmul computes them all (q/k/v, gate/up).
   */
  NDArray loadRows(TensorRef... parts) {
    long[] first = parts[0].info().shape();
    long columns = first.length == 1 ? 1 : first[1];
    long rows = 0;
    for (TensorRef part : parts) {
      long[] shape = part.info().shape();
      if (shape.length > 2 || (shape.length == 2 ? shape[1] : 1) != columns) {
        throw new IllegalArgumentException(
            "stacked tensors must share their column count "
                + columns
                + ", '"
                + part.info().name()
                + "' has shape "
                + part.info().shapeText());
      }
      rows += shape[0];
    }
    Shape targetShape =
        first.length == 1 && parts.length == 1 ? new Shape(rows) : new Shape(rows, columns);
    NDArray target = manager.zeros(targetShape, dataType);
    long rowsPerChunk = Math.max(1, CHUNK_ELEMENTS / columns);
    long targetRow = 0;
    for (TensorRef part : parts) {
      long partRows = part.info().shape()[0];
      for (long row = 0; row < partRows; row += rowsPerChunk) {
        long chunkRows = Math.min(rowsPerChunk, partRows - row);
        copyChunk(
            part,
            row * columns,
            chunkRows,
            columns,
            target,
            targetRow + row,
            targetShape.dimension());
      }
      targetRow += partRows;
    }
    return target;
  }

  private void copyChunk(
      TensorRef part,
      long firstElement,
      long rows,
      long columns,
      NDArray target,
      long targetRow,
      int targetDims) {
    int count = Math.toIntExact(rows * columns);
    staging.clear();
    FloatBuffer floats = staging.asFloatBuffer();
    part.readFloats(firstElement, count, floats);
    staging.limit(count * Float.BYTES);
    try (NDManager scratch = manager.newSubManager()) {
      Shape chunkShape = targetDims == 1 ? new Shape(rows) : new Shape(rows, columns);
      NDArray chunk = scratch.create(staging, chunkShape, DataType.FLOAT32);
      if (dataType != DataType.FLOAT32) {
        chunk = chunk.toType(dataType, false);
      }
      target.set(new NDIndex("{}:{}", targetRow, targetRow + rows), chunk);
    }
  }
}
