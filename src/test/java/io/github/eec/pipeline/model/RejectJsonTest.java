package io.github.eec.pipeline.model;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.Test;

/**
 * A reject's JSON line, read back by a real JSON parser (Jackson), gives back exactly the strings
 * that went in, whatever characters they hold, and is valid UTF-8 as one line.
 */
public class RejectJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static void assertRoundTrips(String detail, String file, String line) throws Exception {
    String json = new Reject(RejectReason.BAD_TIME, detail, file, line).toJson();
    assertEquals("one line", -1, json.indexOf('\n'));
    assertEquals("one line", -1, json.indexOf('\r'));
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    assertEquals("survives UTF-8", json, new String(utf8, StandardCharsets.UTF_8));
    JsonNode node = JSON.readTree(utf8);
    assertEquals(4, node.size());
    assertEquals("BAD_TIME", node.get("reason").textValue());
    assertEquals(detail, node.get("detail").textValue());
    assertEquals(file, node.get("file").textValue());
    assertEquals(line, node.get("line").textValue());
  }

  @Test
  public void quotesBackslashesAndControlCharacters() throws Exception {
    assertRoundTrips("a \"quoted\" detail", "C:\\feeds\\a.csv", "A,\"2024\",\\N,1");
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    controls.append('\u007f').append('\u2028').append('\u2029');
    assertRoundTrips(controls.toString(), "tab\tfile", "line\u0000with\u001fcontrols\r\n");
  }

  @Test
  public void loneSurrogatesAndPairs() throws Exception {
    assertRoundTrips("pair \uD83D\uDD0C", "file", "M\uD83D\uDD0C,2024-01-01 00:00,1,1");
    assertRoundTrips(
        "high \uD83D alone", "low \uDD0C alone", "\uDD0C\uD83D reversed, and at the end \uD83D");
  }

  @Test
  public void longestKeptLine() throws Exception {
    String line = "A,2024-01-01 00:00,1," + "\"\\\u0001é\uD83D\uDD0C".repeat(700);
    assertRoundTrips(
        "line of " + line.length() + " characters", "big.csv", line.substring(0, 4096));
  }

  @Test
  public void randomStrings() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    List<Character> interesting =
        List.of('"', '\\', '\n', '\r', '\t', '\u0000', '\u001f', '\uD800', '\uDFFF', 'é', '/');
    for (int n = 0; n < 500; n++) {
      StringBuilder sb = new StringBuilder();
      for (int i = random.nextInt(60); i > 0; i--) {
        sb.append(
            random.nextInt(3) == 0
                ? interesting.get(random.nextInt(interesting.size()))
                : (char) random.nextInt(0x10000));
      }
      assertRoundTrips(sb.toString(), "f" + n, sb.reverse().toString());
    }
  }
}
