package dev.embedbench.costmodel.cost;

/** What is known of a figure computed from capacities that may be bounds. */
public enum BoundKind {
  /** The figure itself (with a range when the capacities were measured more than once). */
  EXACT,
  /** The true value is this figure or less (a unit cost from a capacity that is a lower bound). */
  AT_MOST,
  /**
   * The true value is this figure or more (a saving whose candidate's capacity is a lower bound).
   */
  AT_LEAST,
  /** Nothing useful is known (a saving against a baseline whose capacity is a lower bound). */
  UNKNOWN
}
