package dev.embedbench.backends.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fast path of {@link EmbeddingsResponseParser} for the answer the gateway gets almost always:
 * plain ASCII JSON whose every embedding is canonical base64 and passes the vector check. It reads
 * the bytes directly, so a 5.5 KB base64 string is crossed once, by {@link
 * Base64Floats#scanToQuote} which checks it as it looks for its end, where Jackson crossed it byte
 * by byte to skip it and the decoder crossed it again.
 *
 * <p>It accepts a strict subset of what the Jackson path accepts and answers exactly as it would;
 * anything else (float arrays, escapes, non-ASCII, odd numbers, an error of any kind) makes it give
 * up with null, and the Jackson path reads the body again and says what is wrong.
 */
final class Base64ResponseScanner {

  private static final int MAX_DEPTH = 32;

  private static final byte[] MODEL = ascii("model");
  private static final byte[] DATA = ascii("data");
  private static final byte[] USAGE = ascii("usage");
  private static final byte[] INDEX = ascii("index");
  private static final byte[] EMBEDDING = ascii("embedding");
  private static final byte[] PROMPT_TOKENS = ascii("prompt_tokens");
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");
  private static final byte[] NULL = ascii("null");

  private final byte[] body;
  private final Base64Floats.Scan scan = new Base64Floats.Scan();
  private int at;
  // The string just read by string(): its characters are body[stringStart, stringEnd).
  private int stringStart;
  private int stringEnd;

  private Base64ResponseScanner(byte[] body) {
    this.body = body;
  }

  /** Not the plain shape: the Jackson path decides. */
  private static final class GiveUp extends RuntimeException {
    private static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super(null, null, false, false);
    }
  }

  /** The response, or null when the body is not the plain shape or fails {@code check}. */
  static EmbeddingsResponse tryParse(byte[] body, VectorCheck check) {
    try {
      return new Base64ResponseScanner(body).response(check);
    } catch (GiveUp | IndexOutOfBoundsException | IllegalArgumentException e) {
      return null;
    }
  }

  private EmbeddingsResponse response(VectorCheck check) {
    expect('{');
    String model = "";
    List<Base64Text> texts = null;
    int dimensions = 0;
    int promptTokens = 0;
    if (!peekIs('}')) {
      do {
        key();
        if (keyIs(MODEL)) {
          string();
          model = new String(body, stringStart, stringEnd - stringStart, StandardCharsets.US_ASCII);
        } else if (keyIs(DATA)) {
          if (texts != null) {
            throw GiveUp.INSTANCE;
          }
          texts = new ArrayList<>();
          dimensions = data(texts, check);
        } else if (keyIs(USAGE)) {
          promptTokens = usage();
        } else {
          skipValue(0);
        }
      } while (comma());
    }
    expect('}');
    if (texts == null || texts.isEmpty() || texts.contains(null)) {
      throw GiveUp.INSTANCE;
    }
    Base64Vectors vectors = new Base64Vectors(texts, dimensions);
    return new EmbeddingsResponse(model, vectors, promptTokens, vectors.texts());
  }

  /** The data array into {@code texts} by index; returns the common dimension count. */
  private int data(List<Base64Text> texts, VectorCheck check) {
    expect('[');
    int dimensions = -1;
    if (peekIs(']')) {
      throw GiveUp.INSTANCE;
    }
    do {
      expect('{');
      int index = -1;
      Base64Text text = null;
      int floats = 0;
      double sumOfSquares = 0;
      if (!peekIs('}')) {
        do {
          key();
          if (keyIs(INDEX)) {
            index = plainInt();
          } else if (keyIs(EMBEDDING)) {
            if (text != null) {
              throw GiveUp.INSTANCE;
            }
            expect('"');
            if (!Base64Floats.scanToQuote(body, at, scan)) {
              throw GiveUp.INSTANCE;
            }
            text = new Base64Text(body, at, scan.end - at);
            floats = scan.floats;
            sumOfSquares = scan.sumOfSquares;
            at = scan.end + 1;
          } else {
            skipValue(1);
          }
        } while (comma());
      }
      expect('}');
      if (index < 0 || index >= EmbeddingsRequest.MAX_INPUTS || text == null) {
        throw GiveUp.INSTANCE;
      }
      if (dimensions == -1) {
        dimensions = floats;
      }
      if (floats != dimensions || check.violation(sumOfSquares, index) != null) {
        throw GiveUp.INSTANCE;
      }
      while (texts.size() <= index) {
        texts.add(null);
      }
      if (texts.set(index, text) != null) {
        throw GiveUp.INSTANCE;
      }
    } while (comma());
    expect(']');
    return dimensions;
  }

  private int usage() {
    expect('{');
    int promptTokens = 0;
    if (!peekIs('}')) {
      do {
        key();
        if (keyIs(PROMPT_TOKENS)) {
          promptTokens = plainInt();
        } else {
          skipValue(1);
        }
      } while (comma());
    }
    expect('}');
    return promptTokens;
  }

  /** A member's key and its colon; the key is left in stringStart/stringEnd. */
  private void key() {
    string();
    expect(':');
  }

  private boolean keyIs(byte[] name) {
    return Arrays.equals(body, stringStart, stringEnd, name, 0, name.length);
  }

  /** A string of printable ASCII without escapes (control characters and UTF-8 are Jackson's). */
  private void string() {
    rawString();
    for (int i = stringStart; i < stringEnd; i++) {
      // A signed byte: non-ASCII is negative.
      if (body[i] < 0x20) {
        throw GiveUp.INSTANCE;
      }
    }
  }

  /** A string without escapes, its bytes unchecked. */
  private void rawString() {
    expect('"');
    int end = EmbeddingsResponseParser.stringEnd(body, at);
    if (end < 0 || body[end] != '"') {
      throw GiveUp.INSTANCE;
    }
    stringStart = at;
    stringEnd = end;
    at = end + 1;
  }

  /** A non-negative integer of at most nine digits without a leading zero (or 0 itself). */
  private int plainInt() {
    skipWhitespace();
    int start = at;
    int value = 0;
    while (at < body.length && body[at] >= '0' && body[at] <= '9' && at - start < 10) {
      value = value * 10 + (body[at] - '0');
      at++;
    }
    int digits = at - start;
    if (digits == 0 || digits > 9 || (digits > 1 && body[start] == '0') || !endsNumber()) {
      throw GiveUp.INSTANCE;
    }
    return value;
  }

  /** True when the number just read is not followed by more of a number (a fraction, exponent). */
  private boolean endsNumber() {
    if (at >= body.length) {
      return false;
    }
    byte b = body[at];
    return b != '.' && b != 'e' && b != 'E' && b != '-' && b != '+' && !(b >= '0' && b <= '9');
  }

  private void skipValue(int depth) {
    if (depth > MAX_DEPTH) {
      throw GiveUp.INSTANCE;
    }
    skipWhitespace();
    byte b = body[at];
    switch (b) {
      case '"' -> string();
      case '{' -> {
        at++;
        if (!peekIs('}')) {
          do {
            key();
            skipValue(depth + 1);
          } while (comma());
        }
        expect('}');
      }
      case '[' -> {
        at++;
        if (!peekIs(']')) {
          do {
            skipValue(depth + 1);
          } while (comma());
        }
        expect(']');
      }
      case 't' -> literal(TRUE);
      case 'f' -> literal(FALSE);
      case 'n' -> literal(NULL);
      default -> number();
    }
  }

  private void literal(byte[] word) {
    if (!Arrays.equals(body, at, at + word.length, word, 0, word.length)) {
      throw GiveUp.INSTANCE;
    }
    at += word.length;
  }

  /** A JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
  private void number() {
    if (body[at] == '-') {
      at++;
    }
    if (body[at] == '0') {
      at++;
    } else {
      digits();
    }
    if (at < body.length && body[at] == '.') {
      at++;
      digits();
    }
    if (at < body.length && (body[at] == 'e' || body[at] == 'E')) {
      at++;
      if (body[at] == '+' || body[at] == '-') {
        at++;
      }
      digits();
    }
    if (!endsNumber()) {
      throw GiveUp.INSTANCE;
    }
  }

  private void digits() {
    int start = at;
    while (at < body.length && body[at] >= '0' && body[at] <= '9') {
      at++;
    }
    if (at == start) {
      throw GiveUp.INSTANCE;
    }
  }

  /** Consumes a comma and returns true, or returns false before anything else. */
  private boolean comma() {
    skipWhitespace();
    if (body[at] == ',') {
      at++;
      return true;
    }
    return false;
  }

  private boolean peekIs(char c) {
    skipWhitespace();
    return body[at] == c;
  }

  private void expect(char c) {
    skipWhitespace();
    if (body[at] != c) {
      throw GiveUp.INSTANCE;
    }
    at++;
  }

  private void skipWhitespace() {
    while (at < body.length) {
      byte b = body[at];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return;
      }
      at++;
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
