/**
 * The in-process Qwen3-Embedding backend: {@link dev.embedbench.backends.qwen3.Qwen3Backend} (the
 * SPI implementation; event-loop callers enqueue, one inference thread per device does the work)
 * and {@link dev.embedbench.backends.qwen3.Qwen3Embedder} (the synchronous core, confined to one
 * thread). Sub-packages: checkpoint (files), model (DJL forward pass), tokenize, batching.
 */
package dev.embedbench.backends.qwen3;
