package dev.embedbench.testsupport.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class SystemPropertyTest {

  static final String KEY = "embedbench.test-support.probe";

  @Test
  void anUnsetPropertyIsClearedAgain() {
    System.clearProperty(KEY);
    try (SystemProperty probe = SystemProperty.set(KEY, "inside")) {
      assertEquals("inside", System.getProperty(KEY));
    }
    assertNull(System.getProperty(KEY));
  }

  @Test
  void aSetPropertyGetsItsValueBack() {
    System.setProperty(KEY, "before");
    try {
      try (SystemProperty outer = SystemProperty.set(KEY, "outer");
          SystemProperty inner = SystemProperty.set(KEY, "inner")) {
        assertEquals("inner", System.getProperty(KEY));
      }
      assertEquals("before", System.getProperty(KEY));
    } finally {
      System.clearProperty(KEY);
    }
  }

  @Test
  void theRepositoryHomeIsTheCheckoutThatHoldsConfigs() {
    try (SystemProperty home = RepositoryHome.set()) {
      assertEquals(RepositoryHome.path().toString(), System.getProperty(RepositoryHome.PROPERTY));
      assertTrue(
          Files.isDirectory(RepositoryHome.path().resolve("configs")),
          RepositoryHome.path().toString());
    }
  }
}
