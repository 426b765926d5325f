/**
 * The load generator: a {@link dev.embedbench.loadgen.LoadRun} drives one bounded run of a {@link
 * dev.embedbench.loadgen.LoadConfig} against any OpenAI-compatible embeddings endpoint and writes
 * its run directory. {@code execute()} runs on the caller's thread (the CLI's main thread, a sweep,
 * a test), which it blocks; the requests themselves run on event loops of its own: a private Vert.x
 * instance's for Vert.x's HTTP client, plain Netty loops for the lean one.
 */
package dev.embedbench.loadgen;
