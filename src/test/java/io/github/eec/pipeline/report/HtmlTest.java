package io.github.eec.pipeline.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.Test;

/** The one escaping function every text from input goes through. */
public class HtmlTest {
  @Test
  public void markupCharactersBecomeEntities() {
    assertEquals(
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;",
        Html.escape("<script>alert(\"x\")</script>"));
    assertEquals("&#39;single&#39; &amp; &amp;amp;", Html.escape("'single' & &amp;"));
    assertEquals("&lt;!-- --&gt;", Html.escape("<!-- -->"));
    assertEquals("", Html.escape(null));
    assertEquals("", Html.escape(""));
  }

  @Test
  public void textWithoutSpecialCharactersIsUnchanged() {
    String s = "MTR-000001,2024-02-28 00:00:00,1.5,2 ünïcødé 電力 \uD83D\uDD0C\ttab";
    assertEquals(s, Html.escape(s));
    assertSame(s, Html.clean(s));
  }

  @Test
  public void loneSurrogatesBecomeTheReplacementCharacter() {
    assertEquals("a\uFFFDb", Html.escape("a\uD800b"));
    assertEquals("a\uFFFDb", Html.escape("a\uDC00b"));
    assertEquals("\uFFFD", Html.escape("\uD83D")); // a pair cut in half, at the end
    assertEquals("\uD83D\uDD0C", Html.escape("\uD83D\uDD0C")); // a whole pair stays
    byte[] utf8 = Html.escape("x\uDBFFy").getBytes(StandardCharsets.UTF_8);
    assertFalse(new String(utf8, StandardCharsets.UTF_8).contains("?"));
  }

  @Test
  public void controlCharactersBecomeVisibleAndNoncharactersReplaced() {
    assertEquals("\u2400\u2401\u241B\u241F", Html.escape("\u0000\u0001\u001B\u001F"));
    assertEquals("\u240D", Html.escape("\r")); // a lone CR would be read as a line break
    assertEquals("\u2421", Html.escape("\u007F"));
    assertEquals("\uFFFD\uFFFD", Html.escape("\u0080\u009F"));
    assertEquals("\uFFFD\uFFFD\uFFFD", Html.escape("\uFFFE\uFFFF\uFDD0"));
    assertEquals("\uFFFD", Html.escape(new String(Character.toChars(0x1FFFE))));
    assertEquals("a\tb\nc", Html.escape("a\tb\nc"));
  }

  @Test
  public void cleanRepairsWithoutEntities() {
    assertEquals("<b>&\"'\u2401\uFFFD", Html.clean("<b>&\"'\u0001\uD800"));
  }
}
