package dev.embedbench.loadgen.workload;

/**
 * What to send: the source (a built-in corpus name or a file), inputs per request, optional token shaping,
 * and the optional {@code encoding_format} and {@code dimensions} request fields.
 *
 * @param tokens null to keep texts as they are
 * @param encodingFormat null to leave the field out (servers then answer with floats)
 * @param dimensions null to leave the field out
 */
public record WorkloadSpec(
    String source, int inputsPerRequest, TokenRange tokens, EncodingFormat encodingFormat, Integer dimensions) {

  public WorkloadSpec {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("workload source must name a built-in corpus or a file");
    }
    if (inputsPerRequest < 1 || inputsPerRequest > 2048) {
      throw new IllegalArgumentException("inputsPerRequest must be in 1..2048 (the OpenAI limit), got "
          + inputsPerRequest);
    }
    if (dimensions != null && dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1, got " + dimensions);
    }
  }

  public EncodingFormat effectiveEncoding() {
    return encodingFormat == null ? EncodingFormat.FLOAT : encodingFormat;
  }
}
