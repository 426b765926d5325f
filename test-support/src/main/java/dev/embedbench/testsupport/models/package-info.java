/** Tiny model files written by tests, small enough to state exact expectations about. */
package dev.embedbench.testsupport.models;
