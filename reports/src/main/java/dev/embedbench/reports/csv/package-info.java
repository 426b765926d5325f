/**
 * CSV tables for spreadsheets, written with Apache Commons CSV at full precision (unlike the
 * rounded HTML and Markdown). Runs on the caller's thread; writes files.
 */
package dev.embedbench.reports.csv;
