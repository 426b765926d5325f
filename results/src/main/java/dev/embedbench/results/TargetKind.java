package dev.embedbench.results;

import java.util.Locale;

/**
 * What answered the requests: an in-process backend, a remote server, or an emulated latency
 * profile. Written in result files as its label ({@code target.kind}); the one provenance
 * vocabulary of the console, the cost tables and the reports.
 */
public enum TargetKind {
  IN_PROCESS("in-process"),
  REMOTE("remote"),
  EMULATED("emulated"),
  UNKNOWN("kind unknown");

  private final String label;

  TargetKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the kind was stated: anything but {@link #UNKNOWN}. */
  public boolean stated() {
    return this != UNKNOWN;
  }

  /**
   * Parses the {@code kind} label written in result files ({@code in-process}, {@code remote},
   * {@code emulated}).
   */
  public static TargetKind parse(String text) {
    if (text == null || text.isBlank()) {
      return UNKNOWN;
    }
    String normalised = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    if (normalised.equals("unknown")) {
      return UNKNOWN;
    }
    for (TargetKind kind : values()) {
      if (kind.label.equals(normalised)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "kind must be one of in-process, remote, emulated, unknown; got '" + text + "'");
  }
}
