package dev.embedbench.reports.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EscapeTest {

  @Test
  void xmlEscapesMarkupQuotesAndDropsControlCharacters() {
    assertEquals(
        "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;",
        Escape.xml("<script>alert(\"x\") & 'y'</script>"));
    assertEquals("ab", Escape.xml("a\u0000\u001bb"));
  }

  @Test
  void markdownCellEscapesPipesAndInlineMarkup() {
    assertEquals("a \\| b \\*c\\* \\<b\\> d", Escape.markdownCell("a | b *c* <b>\nd"));
    assertEquals("\\$5.47 and \\$24,966", Escape.markdownCell("$5.47 and $24,966"));
  }
}
