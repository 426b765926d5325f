/**
 * The report's tables as values (columns, rows, formatted cells), built once from the report input
 * so that HTML and Markdown show exactly the same figures. Stateless; any thread.
 */
package dev.embedbench.reports.table;
