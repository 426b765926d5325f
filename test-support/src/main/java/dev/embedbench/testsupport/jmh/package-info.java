/** A JMH benchmark's smoke run inside a unit test. */
package dev.embedbench.testsupport.jmh;
