/**
 * The cost model's files read through the one reader ({@code dev.embedbench.config}), with this
 * module's error type naming the file, the key and the reason. Runs on the caller's thread; nothing
 * here is shared.
 */
package dev.embedbench.costmodel.config;
