package dev.embedbench.backends.qwen3;

/**
 * How far one embedding is from its reference: cosine similarity and the largest absolute
 * difference of any component, both computed in double.
 */
public record VectorAgreement(double cosine, double maxAbsDiff) {

  public static VectorAgreement of(double[] reference, float[] actual) {
    if (reference.length != actual.length) {
      throw new IllegalArgumentException(
          "vectors differ in length: " + reference.length + " against " + actual.length);
    }
    double dot = 0;
    double referenceNorm = 0;
    double actualNorm = 0;
    double maxAbs = 0;
    for (int i = 0; i < reference.length; i++) {
      dot += reference[i] * actual[i];
      referenceNorm += reference[i] * reference[i];
      actualNorm += (double) actual[i] * actual[i];
      maxAbs = Math.max(maxAbs, Math.abs(reference[i] - actual[i]));
    }
    return new VectorAgreement(dot / Math.sqrt(referenceNorm * actualNorm), maxAbs);
  }

  public static VectorAgreement of(float[] reference, float[] actual) {
    double[] widened = new double[reference.length];
    for (int i = 0; i < reference.length; i++) {
      widened[i] = reference[i];
    }
    return of(widened, actual);
  }
}
