package dev.embedbench.gateway.routing.shadow;

import java.util.List;

/**
 * How closely two answers for the same inputs agree: the mean cosine similarity of paired vectors.
 */
public final class CosineAgreement {

  private CosineAgreement() {}

  /**
   * @return the mean over inputs of cos(a[i], b[i]); NaN when the lists differ in size, a pair
   *     differs in length, or a vector is all zero
   */
  public static double mean(List<float[]> a, List<float[]> b) {
    if (a.size() != b.size() || a.isEmpty()) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < a.size(); i++) {
      sum += cosine(a.get(i), b.get(i));
    }
    return sum / a.size();
  }

  public static double cosine(float[] x, float[] y) {
    if (x.length != y.length) {
      return Double.NaN;
    }
    double dot = 0;
    double xx = 0;
    double yy = 0;
    for (int i = 0; i < x.length; i++) {
      dot += (double) x[i] * y[i];
      xx += (double) x[i] * x[i];
      yy += (double) y[i] * y[i];
    }
    if (xx == 0 || yy == 0) {
      return Double.NaN;
    }
    return dot / Math.sqrt(xx * yy);
  }
}
