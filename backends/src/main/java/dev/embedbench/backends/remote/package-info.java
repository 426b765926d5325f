/**
 * A backend that forwards batches to an OpenAI-compatible embeddings server (SGLang,
 * text-embeddings-inference, vLLM, Infinity, OpenAI) over a keep-alive pool of the Vert.x Web
 * Client.
 *
 * <p>Threads: {@link dev.embedbench.backends.remote.RemoteBackend#embed} runs on the caller's event
 * loop, over that event loop's own connection pool ({@link
 * dev.embedbench.backends.remote.LoopClients}), and its future completes on the caller's context;
 * the health probe runs on the context of the timer that {@code start()} sets. Nothing here blocks.
 * Upstream failures of every shape (OpenAI envelopes, TEI's flat bodies, vLLM's errors, plain text,
 * timeouts, refused connections) become {@link dev.embedbench.backends.wire.ApiException}s in
 * {@link dev.embedbench.backends.remote.UpstreamErrors}, the one place that decides their status.
 */
package dev.embedbench.backends.remote;
