/**
 * Workloads: built-in corpora and workload files, token counting (estimated, or exact with a {@code
 * tokenizer.json}), token shaping, and request bodies encoded up front.
 *
 * <p>Everything here runs on the calling thread before a run starts (file reads and tokenization
 * block, so never on an event loop); a tokenizer's native memory is released when preparation ends.
 * The resulting {@link dev.embedbench.loadgen.workload.Workload} is immutable and read by every
 * event loop during the run.
 */
package dev.embedbench.loadgen.workload;
