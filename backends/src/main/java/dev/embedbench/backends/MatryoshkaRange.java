package dev.embedbench.backends;

/**
 * The output sizes a Matryoshka-trained model supports: any N in [minDimensions, maxDimensions].
 */
public record MatryoshkaRange(int minDimensions, int maxDimensions) {
  public MatryoshkaRange {
    if (minDimensions < 1) {
      throw new IllegalArgumentException("minDimensions must be >= 1, was " + minDimensions);
    }
    if (maxDimensions < minDimensions) {
      throw new IllegalArgumentException(
          "maxDimensions must be >= minDimensions (" + minDimensions + "), was " + maxDimensions);
    }
  }

  public boolean contains(int dimensions) {
    return dimensions >= minDimensions && dimensions <= maxDimensions;
  }
}
