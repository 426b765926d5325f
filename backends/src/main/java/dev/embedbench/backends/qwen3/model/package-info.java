/**
 * The Qwen3 forward pass on DJL (PyTorch engine): weight loading, decoder layers, rotary embedding,
 * pooling. A {@link dev.embedbench.backends.qwen3.model.Qwen3Model} is confined to one thread at a
 * time (the backend's inference thread, or the CLI's main thread); it owns its NDManager and opens
 * a sub-manager per call, closed before the call returns.
 */
package dev.embedbench.backends.qwen3.model;
