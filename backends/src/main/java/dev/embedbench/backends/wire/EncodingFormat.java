package dev.embedbench.backends.wire;

/** How vectors travel in a response. */
public enum EncodingFormat {
  /** JSON arrays of numbers. */
  FLOAT("float"),
  /** Standard base64 of the raw little-endian float32 bytes; what the official SDKs ask for. */
  BASE64("base64");

  private final String wireName;

  EncodingFormat(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /**
   * @throws ApiException 400 naming the field when the value is not a known format
   */
  public static EncodingFormat fromWire(String value) {
    for (EncodingFormat format : values()) {
      if (format.wireName.equals(value)) {
        return format;
      }
    }
    throw ApiException.invalid(
        "encoding_format must be 'float' or 'base64', not '" + value + "'.", "encoding_format");
  }
}
