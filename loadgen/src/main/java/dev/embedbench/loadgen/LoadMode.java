package dev.embedbench.loadgen;

/**
 * How a run sends its requests: at their intended times, whatever the server does ({@link
 * OpenLoop}), or at a fixed concurrency ({@link ClosedLoop}). Each mode holds only what it needs.
 */
public sealed interface LoadMode permits OpenLoop, ClosedLoop {

  /** {@code open} or {@code closed}, as config.json and summary.json write it. */
  String label();

  /** The most connections to open when none are asked for. */
  int defaultConnections();
}
