package dev.embedbench.backends.qwen3.model;

import ai.djl.ndarray.NDArray;

/**
 * One decoder layer's weights as the forward pass uses them: q/k/v stacked into one [q+2kv, hidden]
 * matrix and gate/up into one [2 x intermediate, hidden] matrix, all [out, in] as in the
 * checkpoint.
 */
record LayerWeights(
    NDArray inputNorm,
    NDArray qkv,
    NDArray qNorm,
    NDArray kNorm,
    NDArray output,
    NDArray postAttentionNorm,
    NDArray gateUp,
    NDArray down) {}
