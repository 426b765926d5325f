package dev.embedbench.backends;

import java.util.Arrays;
import java.util.Objects;

/**
 * One input of an embeddings request: text, or token ids already produced by the model's tokenizer.
 */
public sealed interface EmbeddingInput {

  /** A text to tokenise and embed. */
  record Text(String text) implements EmbeddingInput {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** Token ids passed straight to the model; only backends declaring a tokenizer accept them. */
  record TokenIds(int[] ids) implements EmbeddingInput {
    public TokenIds {
      Objects.requireNonNull(ids, "ids");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof TokenIds that && Arrays.equals(ids, that.ids);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
      return "TokenIds" + Arrays.toString(ids);
    }
  }
}
