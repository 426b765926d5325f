package dev.embedbench.reports.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextWidthTest {

  @Test
  void widerGlyphsCountWiderAndBoldWiderStill() {
    assertTrue(TextWidth.px("MMMM", 14, false) > TextWidth.px("mmmm", 14, false) * 0.99);
    assertTrue(TextWidth.px("mmmm", 14, false) > TextWidth.px("iiii", 14, false));
    assertTrue(TextWidth.px("abc", 14, true) > TextWidth.px("abc", 14, false));
    assertEquals(2 * TextWidth.px("abc", 14, false), TextWidth.px("abc", 28, false), 1e-9);
    assertEquals(0, TextWidth.px("", 14, false));
  }

  @Test
  void wrapsAtSpacesKeepingEveryWord() {
    String text =
        "in-process · synthetic weights · CPU · random weights; not priced: a CPU is not a GPU";
    List<String> lines = TextWidth.wrap(text, 200, 14, false);
    assertTrue(lines.size() > 1, lines.toString());
    assertEquals(text, String.join(" ", lines));
    for (String line : lines) {
      assertTrue(TextWidth.px(line, 14, false) <= 200, line);
    }
    assertEquals(List.of(text), TextWidth.wrap(text, 10_000, 14, false));
  }

  @Test
  void breaksAWordWiderThanALineWithoutLosingCharacters() {
    String word = "sha256:" + "0123456789abcdef".repeat(4);
    List<String> lines = TextWidth.wrap("checkpoint " + word, 120, 11, false);
    assertEquals("checkpoint", lines.get(0));
    assertEquals(word, String.join("", lines.subList(1, lines.size())));
    for (String line : lines) {
      assertTrue(TextWidth.px(line, 11, false) <= 120, line);
    }
    assertEquals(
        List.of("W", "W"), TextWidth.wrap("WW", 1, 14, false), "at least one character a line");
    assertThrows(IllegalArgumentException.class, () -> TextWidth.wrap("a", 0, 14, false));
  }
}
