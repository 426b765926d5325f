package dev.embedbench.backends;

import dev.embedbench.backends.wire.Base64Text;
import dev.embedbench.backends.wire.Base64Vectors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A backend's answer: one full-length vector per input, in input order, and the tokens it consumed.
 * The vectors may be a {@link Base64Vectors}, kept undecoded until someone reads one.
 *
 * @param base64 for each vector, its standard base64 text as an upstream sent it (entries may be
 *     null), or null: lets the gateway answer a base64 request without encoding the vectors again
 */
public record EmbeddingResult(List<float[]> vectors, int promptTokens, List<Base64Text> base64) {
  public EmbeddingResult {
    vectors = Base64Vectors.immutable(vectors);
    if (promptTokens < 0) {
      throw new IllegalArgumentException("promptTokens must be >= 0, was " + promptTokens);
    }
    if (base64 != null) {
      if (base64.size() != vectors.size()) {
        throw new IllegalArgumentException(
            "base64 must hold one entry per vector ("
                + vectors.size()
                + "), held "
                + base64.size());
      }
      base64 = Collections.unmodifiableList(new ArrayList<>(base64));
    }
  }

  public EmbeddingResult(List<float[]> vectors, int promptTokens) {
    this(vectors, promptTokens, null);
  }
}
