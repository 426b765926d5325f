package dev.embedbench.reports.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * How wide a line of sans-serif text renders, estimated from the characters alone, so that charts
 * can wrap a label (and grow to hold it) instead of letting the SVG clip it. The estimate errs
 * wide: the widths per character class are those of DejaVu Sans, the widest of the usual default
 * sans-serif fonts, rounded up, and a character outside ASCII counts as a full em. A too-wide
 * estimate wraps a line early; a too-narrow one would cut text off, and charts carry provenance
 * that must never be cut.
 */
final class TextWidth {

  private static final String NARROW = "iljI.,:;!|'`";
  private static final String SEMI_NARROW = "frt()[]{}-/\\ \"";
  private static final String WIDE = "mwMW%@";
  private static final double BOLD_FACTOR = 1.15;

  private TextWidth() {}

  /** The estimated width of {@code text} on one line, in pixels. */
  static double px(String text, int sizePx, boolean bold) {
    double ems = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      ems += ems(c);
      i += Character.charCount(c);
    }
    return ems * sizePx * (bold ? BOLD_FACTOR : 1);
  }

  /**
   * Breaks {@code text} into lines no wider than {@code maxWidthPx}, at spaces; a word wider than a
   * whole line is broken between characters. Nothing is dropped: the lines joined with single
   * spaces (and the pieces of a broken word without) give back the text with its runs of spaces
   * collapsed.
   */
  static List<String> wrap(String text, double maxWidthPx, int sizePx, boolean bold) {
    if (!(maxWidthPx > 0)) {
      throw new IllegalArgumentException("maxWidthPx must be > 0, was " + maxWidthPx);
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > 0 && px(line + " " + word, sizePx, bold) <= maxWidthPx) {
        line.append(' ').append(word);
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (px(rest, sizePx, bold) > maxWidthPx) {
        int cut = longestPrefixThatFits(rest, maxWidthPx, sizePx, bold);
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** At least one character, so that even a line narrower than one glyph makes progress. */
  private static int longestPrefixThatFits(
      String word, double maxWidthPx, int sizePx, boolean bold) {
    int end = word.offsetByCodePoints(0, 1);
    while (end < word.length()) {
      int next = word.offsetByCodePoints(end, 1);
      if (px(word.substring(0, next), sizePx, bold) > maxWidthPx) {
        break;
      }
      end = next;
    }
    return end;
  }

  private static double ems(int c) {
    if (c > 0x7e) {
      return 1.0;
    }
    if (NARROW.indexOf(c) >= 0) {
      return 0.4;
    }
    if (SEMI_NARROW.indexOf(c) >= 0) {
      return 0.45;
    }
    if (WIDE.indexOf(c) >= 0) {
      return 1.0;
    }
    if (Character.isUpperCase(c) || "#&+<=>?~^_*$".indexOf(c) >= 0) {
      return 0.84;
    }
    return 0.64;
  }
}
