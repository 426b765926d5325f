/** Capturing what a command prints to the process's standard streams. */
package dev.embedbench.testsupport.console;
