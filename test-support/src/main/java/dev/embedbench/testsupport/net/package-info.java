/** Loopback servers, free and closed ports, and the vectors upstream stubs answer with. */
package dev.embedbench.testsupport.net;
