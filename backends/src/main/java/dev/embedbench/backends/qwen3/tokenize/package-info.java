/**
 * Tokenisation for Qwen3 embeddings. Runs on the backend's inference thread (or the CLI's main
 * thread); DJL's native tokenizer is used from one thread at a time.
 */
package dev.embedbench.backends.qwen3.tokenize;
