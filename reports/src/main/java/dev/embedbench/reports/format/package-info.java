/**
 * How figures and text are written into every output: number formats with their units, and escaping
 * for HTML/SVG and Markdown. Stateless; any thread.
 */
package dev.embedbench.reports.format;
