/**
 * Fixtures that the tests of several modules share, each sub-package one job: {@code net} (servers
 * and ports on 127.0.0.1), {@code env} (system properties such as the repository home, set and
 * restored), {@code console} (capturing {@code System.out}/{@code System.err} around a command),
 * {@code jmh} (a benchmark's smoke run), {@code models} (tiny model files such as a
 * tokenizer.json).
 *
 * <p>This module depends on no other embedbench module, so that every module, {@code backends} and
 * {@code gateway} included, may use it in test scope without a cycle in Maven's reactor. A fixture
 * that needs a module's own classes (the gateway started from YAML, {@code reports}' run-directory
 * writers, {@code backends}' tiny Qwen3 checkpoints) stays in that module's test tree, beside the
 * tests that use it; what it shares with other modules' fixtures (a loopback server, unit vectors)
 * comes from here.
 */
package dev.embedbench.testsupport;
