package dev.embedbench.backends;

/** Where a backend's vectors and timings come from; printed next to every figure it produces. */
public enum BackendKind {
  /** A model running inside this JVM (DJL), measured for real. */
  IN_PROCESS("in-process"),
  /** An OpenAI-compatible server reached over HTTP, measured through the network. */
  REMOTE("remote"),
  /**
   * A latency profile standing in for hardware this machine lacks; never a measurement of a model.
   */
  EMULATED("emulated");

  private final String label;

  BackendKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static BackendKind fromLabel(String label) {
    for (BackendKind kind : values()) {
      if (kind.label.equals(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "kind must be one of in-process, remote, emulated, not '" + label + "'");
  }
}
