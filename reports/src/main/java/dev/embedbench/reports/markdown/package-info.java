/**
 * {@code report.md}: the same tables as the HTML report, as GitHub-flavoured Markdown for pull
 * requests. Stateless; any thread.
 */
package dev.embedbench.reports.markdown;
