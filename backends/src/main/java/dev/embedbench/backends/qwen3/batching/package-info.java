/**
 * Dynamic batching for the in-process model. {@code submit} runs on the caller's thread (a Vert.x
 * event loop) and only enqueues; everything else (loading, tokenising, forward passes, listener
 * calls) runs on the one inference thread the batcher owns. Futures complete on the submitting
 * Vert.x context through {@code runOnContext}, or directly when submitted off Vert.x.
 */
package dev.embedbench.backends.qwen3.batching;
