package dev.embedbench.loadgen.workload;

import java.util.Locale;

/** The {@code encoding_format} a request asks for; it decides how responses are validated. */
public enum EncodingFormat {
  FLOAT,
  BASE64;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static EncodingFormat parse(String text) {
    for (EncodingFormat format : values()) {
      if (format.wireName().equalsIgnoreCase(text.trim())) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "encoding format must be 'float' or 'base64', got '" + text + "'");
  }
}
