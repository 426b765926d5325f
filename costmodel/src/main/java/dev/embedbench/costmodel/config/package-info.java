/**
 * Reading YAML and JSON configuration into validated values, with errors that name the file, the
 * key and the reason. Runs on the caller's thread; nothing here is shared.
 */
package dev.embedbench.costmodel.config;
