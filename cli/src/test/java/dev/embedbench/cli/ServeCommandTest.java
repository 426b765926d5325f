package dev.embedbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve} refuses bad configuration with file, key and reason, and no stack trace. */
class ServeCommandTest {

  @TempDir
  Path dir;

  record Run(int exitCode, String out, String err) {}

  static Run serve(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] full = new String[args.length + 1];
    full[0] = "serve";
    System.arraycopy(args, 0, full, 1, args.length);
    int code = cli.execute(full);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void invalidValueNamesFileKeyAndReason() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "server:\n  port: seventy\nroutes: []\n");
    Run run = serve("--config", file.toString());
    assertEquals(ServeCommand.EXIT_CONFIG, run.exitCode());
    assertTrue(run.err().contains(file.toString()), run.err());
    assertTrue(run.err().contains("server.port"), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
  }

  @Test
  void missingFileIsAConfigError() {
    Path file = dir.resolve("absent.yaml");
    Run run = serve("--config", file.toString());
    assertEquals(ServeCommand.EXIT_CONFIG, run.exitCode());
    assertTrue(run.err().contains(file.toString()), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }

  @Test
  void defaultConfigResolvesAgainstEmbedbenchHome() {
    String before = System.getProperty("embedbench.home");
    System.setProperty("embedbench.home", dir.toString());
    try {
      Run run = serve();
      assertEquals(ServeCommand.EXIT_CONFIG, run.exitCode());
      assertTrue(run.err().contains(dir.resolve("configs/gateway-demo.yaml").toString()), run.err());
    } finally {
      if (before == null) {
        System.clearProperty("embedbench.home");
      } else {
        System.setProperty("embedbench.home", before);
      }
    }
  }

  @Test
  void badPortIsRefusedBeforeStarting() throws IOException {
    Path file = dir.resolve("ok.yaml");
    Files.writeString(file, "routes: []\n");
    Run run = serve("--config", file.toString(), "--port", "70000");
    assertTrue(run.exitCode() != 0, run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }
}
