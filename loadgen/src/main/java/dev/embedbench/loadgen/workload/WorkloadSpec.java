package dev.embedbench.loadgen.workload;

import java.nio.file.Path;

/**
 * What to send: the source (a built-in corpus name or a file), inputs per request, optional token
 * shaping, the optional {@code encoding_format} and {@code dimensions} request fields, and how
 * tokens are counted.
 *
 * @param tokens null to keep texts as they are
 * @param encodingFormat null to leave the field out (servers then answer with floats)
 * @param dimensions null to leave the field out
 * @param tokenizer a {@code tokenizer.json} (or a directory holding one) to count tokens exactly,
 *     for shaping and for tokens/s; null to estimate them
 */
public record WorkloadSpec(
    String source,
    int inputsPerRequest,
    TokenRange tokens,
    EncodingFormat encodingFormat,
    Integer dimensions,
    Path tokenizer) {

  public WorkloadSpec {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("workload source must name a built-in corpus or a file");
    }
    if (inputsPerRequest < 1 || inputsPerRequest > 2048) {
      throw new IllegalArgumentException(
          "inputsPerRequest must be in 1..2048 (the OpenAI limit), got " + inputsPerRequest);
    }
    if (dimensions != null && dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1, got " + dimensions);
    }
  }

  /** A workload whose tokens are estimated. */
  public WorkloadSpec(
      String source,
      int inputsPerRequest,
      TokenRange tokens,
      EncodingFormat encodingFormat,
      Integer dimensions) {
    this(source, inputsPerRequest, tokens, encodingFormat, dimensions, null);
  }

  public EncodingFormat effectiveEncoding() {
    return encodingFormat == null ? EncodingFormat.FLOAT : encodingFormat;
  }
}
