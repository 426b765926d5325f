/**
 * {@code embedbench compare}: starts the emulated upstreams, the gateway and the in-process model a
 * comparison config names, sweeps each model through the gateway, prices the measured capacities
 * with the cost model and writes the report.
 *
 * <p>Threads: {@link dev.embedbench.cli.compare.ComparisonRun} runs on the command's main thread
 * and blocks (sweeps, file I/O); the gateway and emulators run on their own Vert.x event loops, the
 * in-process model on its inference thread. {@code stop} may be called from a shutdown hook.
 */
package dev.embedbench.cli.compare;
