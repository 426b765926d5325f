/**
 * Capacities out of the load generator's result files ({@code sweep.json}, {@code summary.json}):
 * the highest rate that met the SLO, what was measured (in-process, remote, emulated) and the
 * model; and the {@link dev.embedbench.results.Slo} a capacity is judged by. The reader looks keys
 * up loosely so that it survives small changes of that format. Runs on the caller's thread.
 */
package dev.embedbench.costmodel.capacity;
