package dev.embedbench.backends.emulated;

/** A profile value that breaks a rule; {@link ProfileLoader} adds the file and the section. */
public final class InvalidSetting extends IllegalArgumentException {

  private final String key;
  private final String reason;

  public InvalidSetting(String key, String reason) {
    super(key + " " + reason);
    this.key = key;
    this.reason = reason;
  }

  public String key() {
    return key;
  }

  public String reason() {
    return reason;
  }

  static void check(boolean ok, String key, String reason) {
    if (!ok) {
      throw new InvalidSetting(key, reason);
    }
  }
}
