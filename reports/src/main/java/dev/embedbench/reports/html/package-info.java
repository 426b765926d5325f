/**
 * The self-contained HTML report: one file, inline CSS and SVG, no scripts and no external assets
 * (a Content-Security-Policy forbids them, so a slip shows as a browser console error). The markup
 * is well-formed XML as well as HTML, so tests can parse it. Stateless; any thread.
 */
package dev.embedbench.reports.html;
