/**
 * Reads run directories (the load generator's {@code summary.json}, HdrHistogram interval logs and
 * {@code sweep.json}; the cost model's {@code cost-report.json}; an optional {@code
 * provenance.json}) and builds the report input, merging the histograms of one model found in
 * several directories. Runs on the caller's thread with blocking file I/O. Bad input raises {@link
 * dev.embedbench.reports.read.RunDirectoryException} naming the file, the key and the rule.
 */
package dev.embedbench.reports.read;
