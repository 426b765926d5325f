/**
 * Reading (and, for synthetic models and tests, writing) Hugging Face Qwen3 checkpoints:
 * config.json, safetensors files and shard indexes. Plain Java, no DJL; runs on whichever thread
 * loads the model (the backend's inference thread, or the CLI's main thread). Every failure is a
 * {@link dev.embedbench.backends.qwen3.checkpoint.CheckpointException} naming the file and the
 * problem.
 */
package dev.embedbench.backends.qwen3.checkpoint;
