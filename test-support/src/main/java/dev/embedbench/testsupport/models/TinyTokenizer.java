package dev.embedbench.testsupport.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small but valid Hugging Face tokenizer.json, written by tests: a WordLevel vocabulary behind a
 * Whitespace pre-tokenizer, so every word and every run of punctuation is one token (unknown words
 * are {@code [UNK]}, still one token). Its post-processor appends {@code [EOS]} as Qwen3's appends
 * {@code <|endoftext|>}, to show that the counter does not count end-of-text twice. Exact counts
 * are therefore easy to state: words plus punctuation runs plus one. They differ from the
 * estimator's (one per four ASCII characters), which tells the two counters apart.
 */
public final class TinyTokenizer {

  private static final String JSON =
      """
      {
        "version": "1.0",
        "truncation": null,
        "padding": null,
        "added_tokens": [
          {"id": 0, "content": "[UNK]", "single_word": false, "lstrip": false, "rstrip": false,
           "normalized": false, "special": true},
          {"id": 1, "content": "[EOS]", "single_word": false, "lstrip": false, "rstrip": false,
           "normalized": false, "special": true}
        ],
        "normalizer": null,
        "pre_tokenizer": {"type": "Whitespace"},
        "post_processor": {
          "type": "TemplateProcessing",
          "single": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[EOS]", "type_id": 0}}],
          "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                   {"SpecialToken": {"id": "[EOS]", "type_id": 0}}],
          "special_tokens": {"[EOS]": {"id": "[EOS]", "ids": [1], "tokens": ["[EOS]"]}}
        },
        "decoder": null,
        "model": {
          "type": "WordLevel",
          "vocab": {"[UNK]": 0, "[EOS]": 1, "alpha": 2, "beta": 3, "gamma": 4, "delta": 5, "epsilon": 6,
                    "zeta": 7, ",": 8, ".": 9},
          "unk_token": "[UNK]"
        }
      }
      """;

  private TinyTokenizer() {}

  /** Writes {@code dir/tokenizer.json} and returns the file. */
  public static Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("tokenizer.json"), JSON);
  }
}
