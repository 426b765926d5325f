/**
 * The OpenAI embeddings wire format, shared by the gateway, the remote client and the emulator:
 * request parsing with OpenAI's validation rules, response encoding in float or base64 form, and
 * the error envelope. Pure functions over bytes; no threads, no I/O.
 */
package dev.embedbench.backends.wire;
