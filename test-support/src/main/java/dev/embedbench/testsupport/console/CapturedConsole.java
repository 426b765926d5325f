package dev.embedbench.testsupport.console;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code System.out} and/or {@code System.err} written into buffers until closed, then restored:
 * for commands and loggers that print to the process's streams rather than to a writer they are
 * given.
 */
public final class CapturedConsole implements AutoCloseable {

  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;

  private CapturedConsole(ByteArrayOutputStream out, ByteArrayOutputStream err) {
    if (out != null) {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** Both streams, in UTF-8. */
  public static CapturedConsole into(ByteArrayOutputStream out, ByteArrayOutputStream err) {
    return new CapturedConsole(out, err);
  }

  /** {@code System.err} only, in UTF-8. */
  public static CapturedConsole stderrInto(ByteArrayOutputStream err) {
    return new CapturedConsole(null, err);
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }
}
