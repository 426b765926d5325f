package dev.embedbench.backends.emulated;

/** The shape of service times around their mean. */
public enum LatencyDistribution {
  /** Always the mean. */
  FIXED,
  /** Lognormal with the configured mean and coefficient of variation: a long right tail. */
  LOGNORMAL
}
