package dev.embedbench.backends.emulated;

/** How queued requests reach the emulated accelerator. */
public enum SchedulingMode {
  /** Each of N slots serves one request at a time (a server with fixed concurrency). */
  SLOTS,
  /** Up to N batches in service, each formed from the queue up to a token budget (SGLang, TEI). */
  BATCH
}
