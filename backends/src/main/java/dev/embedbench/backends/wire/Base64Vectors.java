package dev.embedbench.backends.wire;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Vectors that arrived as canonical base64 and were checked without being decoded: each {@link
 * #get} decodes its vector afresh, so only a caller that needs the values (a float client,
 * Matryoshka truncation, a shadow comparison) pays for them, while a base64 client gets {@link
 * #texts()} written back as they came. Immutable.
 */
public final class Base64Vectors extends AbstractList<float[]> implements RandomAccess {

  private final List<Base64Text> texts;
  private final int dimensions;

  /**
   * @param texts each vector's canonical padded base64, every one of {@code dimensions} floats
   */
  public Base64Vectors(List<Base64Text> texts, int dimensions) {
    this.texts = List.copyOf(texts);
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1, was " + dimensions);
    }
    for (Base64Text text : this.texts) {
      if (text.length() != EmbeddingsResponseEncoder.base64Length(dimensions)) {
        throw new IllegalArgumentException(
            "base64 of " + text.length() + " characters is not " + dimensions + " floats");
      }
    }
    this.dimensions = dimensions;
  }

  /** The vectors of {@code vectors} back to back, still undecoded. */
  public static Base64Vectors concat(List<Base64Vectors> parts) {
    Objects.requireNonNull(parts, "parts");
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to concatenate");
    }
    List<Base64Text> all = new ArrayList<>();
    for (Base64Vectors part : parts) {
      if (part.dimensions != parts.get(0).dimensions) {
        throw new IllegalArgumentException("vectors differ in dimensions");
      }
      all.addAll(part.texts);
    }
    return new Base64Vectors(all, parts.get(0).dimensions);
  }

  /** Decodes vector {@code index}: a new array each call. */
  @Override
  public float[] get(int index) {
    return Base64Floats.decode(texts.get(index));
  }

  @Override
  public int size() {
    return texts.size();
  }

  /** Identity: comparing would decode every vector, and float arrays compare by identity anyway. */
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  public List<Base64Text> texts() {
    return texts;
  }

  public int dimensions() {
    return dimensions;
  }

  /**
   * The length of every vector in {@code vectors} (they share one), without decoding any; 0 for
   * none.
   */
  public static int dimensionsOf(List<float[]> vectors) {
    if (vectors instanceof Base64Vectors base64) {
      return base64.dimensions;
    }
    return vectors.isEmpty() ? 0 : vectors.get(0).length;
  }

  /** {@code vectors} itself when it is undecoded base64 (immutable already), else a copy. */
  public static List<float[]> immutable(List<float[]> vectors) {
    return vectors instanceof Base64Vectors ? vectors : List.copyOf(vectors);
  }
}
