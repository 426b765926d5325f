package dev.embedbench.costmodel.capacity;

/** Whether a measured capacity is pinned from above or only known to be at least its figure. */
public enum CapacityBound {
  /** A passing rate with a failing rate (or a saturation measurement) above it. */
  BRACKETED,
  /** Nothing above the passing rate failed: the true capacity is this figure or more. */
  LOWER_BOUND
}
