package dev.embedbench.backends.emulated;

import dev.embedbench.backends.EmbeddingInput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Unit vectors that depend only on the model name and the input: a SHA-256 of both seeds Gaussian
 * components, which are then L2-normalised, so directions are uniform on the sphere. The same text
 * always gives the same vector; different texts (or models) give nearly orthogonal ones. They carry
 * no meaning: similar texts are not similar here.
 */
final class DeterministicVectors {

  private final byte[] modelBytes;
  private final int dimensions;

  DeterministicVectors(String model, int dimensions) {
    this.modelBytes = model.getBytes(StandardCharsets.UTF_8);
    this.dimensions = dimensions;
  }

  float[] vector(EmbeddingInput input) {
    SplittableRandom random = new SplittableRandom(seed(input));
    float[] vector = new float[dimensions];
    for (int i = 0; i < dimensions; i++) {
      vector[i] = (float) random.nextGaussian();
    }
    return normalised(vector);
  }

  /** The first {@code dimensions} values, renormalised: what Matryoshka truncation does. */
  static float[] truncate(float[] vector, int dimensions) {
    return dimensions == vector.length ? vector : normalised(Arrays.copyOf(vector, dimensions));
  }

  private long seed(EmbeddingInput input) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    sha256.update(modelBytes);
    // A kind byte keeps the text "1" and the token id 1 apart.
    if (input instanceof EmbeddingInput.TokenIds ids) {
      sha256.update((byte) 1);
      ByteBuffer bytes = ByteBuffer.allocate(ids.ids().length * 4);
      bytes.asIntBuffer().put(ids.ids());
      sha256.update(bytes.array());
    } else {
      sha256.update((byte) 0);
      sha256.update(((EmbeddingInput.Text) input).text().getBytes(StandardCharsets.UTF_8));
    }
    return ByteBuffer.wrap(sha256.digest()).getLong();
  }

  private static float[] normalised(float[] vector) {
    double sumOfSquares = 0;
    for (float v : vector) {
      sumOfSquares += (double) v * v;
    }
    float scale = (float) (1 / Math.sqrt(sumOfSquares));
    for (int i = 0; i < vector.length; i++) {
      vector[i] *= scale;
    }
    return vector;
  }
}
