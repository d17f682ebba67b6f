package io.github.eec.pipeline.report;

import static io.github.eec.pipeline.report.ScriptJson.list;
import static io.github.eec.pipeline.report.ScriptJson.obj;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Test;

/** The charts' JSON can hold any text and still never end the script element it is in. */
public class ScriptJsonTest {
  @Test
  public void noStringCanCloseTheScriptOrOpenAComment() throws Exception {
    String hostile = "</script><script>alert(1)</script><!-- & \u2028\u2029 \"'";
    String json = ScriptJson.of(obj("label", hostile, "data", list(1, null, 2.5)));
    assertFalse(json, json.contains("<"));
    assertFalse(json, json.contains(">"));
    assertFalse(json, json.contains("&"));
    assertFalse(json, json.contains("\u2028"));
    // Still JSON, and the same text once parsed (as the page's script parses it).
    assertEquals(hostile, new ObjectMapper().readTree(json).get("label").asText());
    assertEquals("[1,null,2.5]", new ObjectMapper().readTree(json).get("data").toString());
  }

  @Test
  public void loneSurrogatesAreReplacedAndPairsKept() throws Exception {
    String json = ScriptJson.of(list("a\uD800b", "\uD83D\uDD0C"));
    assertEquals("[\"a\\ufffdb\",\"\uD83D\uDD0C\"]", json);
  }

  @Test
  public void nullValuesAreLeftOutOfObjects() {
    assertEquals("{\"a\":1}", ScriptJson.of(obj("a", 1, "b", null)));
  }
}
