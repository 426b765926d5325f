/**
 * A backend that forwards batches to an OpenAI-compatible embeddings server (SGLang,
 * text-embeddings-inference, vLLM, Infinity, OpenAI) over keep-alive HTTP/1.1 connections of its
 * own: plain Netty channels on Vert.x's event loops, with the request head encoded once per target
 * (the Vert.x HTTP client was the largest share of the gateway's CPU per request).
 *
 * <p>Threads: {@link dev.embedbench.backends.remote.RemoteBackend#embed} runs on the caller's event
 * loop, over that event loop's own connection pool ({@link
 * dev.embedbench.backends.remote.UpstreamPool}), and its future completes on the caller's context;
 * the health probe (Vert.x Web Client) runs on the context of the timer that {@code start()} sets.
 * Nothing here blocks. Upstream failures of every shape (OpenAI envelopes, TEI's flat bodies,
 * vLLM's errors, plain text, timeouts, refused connections) become {@link
 * dev.embedbench.backends.wire.ApiException}s in {@link
 * dev.embedbench.backends.remote.UpstreamErrors}, the one place that decides their status.
 */
package dev.embedbench.backends.remote;
