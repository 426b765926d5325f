/** System properties a test sets and restores, such as {@code embedbench.home}. */
package dev.embedbench.testsupport.env;
