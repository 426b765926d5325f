/**
 * Charts as inline SVG, written by hand: scales (linear, log, and HdrHistogram's 1/(1-q)), axes,
 * series styles that stay distinct in greyscale, and one class per chart. Every chart is a pure
 * function of the report input returning SVG text, with {@code data-*} attributes carrying each
 * drawn point's value so that tests can read the figures back. Stateless; any thread.
 */
package dev.embedbench.reports.svg;
