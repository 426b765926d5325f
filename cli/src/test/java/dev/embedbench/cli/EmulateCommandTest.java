package dev.embedbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.emulated.EmulatorProfile;
import dev.embedbench.testsupport.env.RepositoryHome;
import dev.embedbench.testsupport.env.SystemProperty;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EmulateCommandTest {

  @Test
  void anUnknownProfileExitsWith2NamingTheFileAndTheChoices() {
    CommandLine cli = new CommandLine(new Main());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    try (SystemProperty home = RepositoryHome.set()) {
      assertEquals(2, cli.execute("emulate", "--profile", "no-such-profile"));
    }
    assertTrue(err.toString().contains("no-such-profile.yaml"), err.toString());
    assertTrue(err.toString().contains("qwen3-embedding-0.6b-a10g"), err.toString());
  }

  @Test
  void aPathIsReadAsAFile() {
    EmulatorProfile profile = EmulateCommand.resolve("../configs/profiles/bge-m3-a10g.yaml");
    assertEquals("bge-m3", profile.model());
  }
}
