/**
 * Reading capacities out of the load generator's result files ({@code sweep.json}, {@code summary.json}).
 * The reader looks keys up loosely so that it survives small changes of that format; it needs only the
 * highest rate that met the SLO, what was measured (in-process, remote, emulated) and the model.
 * Runs on the caller's thread.
 */
package dev.embedbench.costmodel.capacity;
