/**
 * The load generator: a {@link dev.embedbench.loadgen.LoadRun} drives one bounded run of a {@link
 * dev.embedbench.loadgen.LoadConfig} against any OpenAI-compatible embeddings endpoint and writes
 * its run directory. {@code execute()} runs on the caller's thread (the CLI's main thread, a sweep,
 * a test), which it blocks; the requests themselves run on a private Vert.x instance's event loops.
 */
package dev.embedbench.loadgen;
