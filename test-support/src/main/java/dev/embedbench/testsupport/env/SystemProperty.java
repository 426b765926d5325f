package dev.embedbench.testsupport.env;

/**
 * A system property set for the length of a try block, then restored to what it was (cleared if it
 * was unset), so that one test's setting never leaks into the next test in the same JVM.
 */
public final class SystemProperty implements AutoCloseable {

  private final String key;
  private final String previous;

  private SystemProperty(String key, String value) {
    this.key = key;
    this.previous = System.setProperty(key, value);
  }

  public static SystemProperty set(String key, String value) {
    return new SystemProperty(key, value);
  }

  @Override
  public void close() {
    if (previous == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, previous);
    }
  }
}
