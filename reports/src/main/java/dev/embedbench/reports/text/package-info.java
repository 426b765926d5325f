/**
 * Fixed-width console tables of the report, for commands that print the comparison after writing
 * it. Stateless; any thread.
 */
package dev.embedbench.reports.text;
