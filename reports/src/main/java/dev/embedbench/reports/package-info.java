/**
 * Reports built from run directories: {@link dev.embedbench.reports.read.RunDirectoryReader} reads
 * them into a {@link dev.embedbench.reports.model.ReportInput}, and {@link
 * dev.embedbench.reports.ReportWriter} writes {@code report.html}, {@code report.md} and the CSV
 * tables. Both run on the caller's thread and block on file I/O: call them from a CLI thread or a
 * worker, never from an event loop.
 */
package dev.embedbench.reports;
