/**
 * Workloads: built-in corpora and workload files, token shaping, and request bodies encoded up front.
 *
 * <p>Everything here runs on the calling thread before a run starts (file reads block, so never on an
 * event loop); the resulting {@link dev.embedbench.loadgen.workload.Workload} is immutable and read by
 * every event loop during the run.
 */
package dev.embedbench.loadgen.workload;
