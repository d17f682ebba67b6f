package io.github.eec.pipeline.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charts' data as JSON inside the page's {@code <script type="application/json">}: {@code <},
 * {@code >} and {@code &} are written as {@code \}{@code u003c} ... so no string in it can close
 * the script element or open a comment, whatever it holds; lone surrogates become U+FFFD.
 */
final class ScriptJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScriptJson() {}

  static String of(Object value) {
    String json;
    try {
      json = JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("chart data not serializable", e);
    }
    StringBuilder sb = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
        sb.append(String.format("\\u%04x", (int) c));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < json.length()
          && Character.isLowSurrogate(json.charAt(i + 1))) {
        sb.append(c).append(json.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        sb.append("\\ufffd");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** An object of {@code key, value, key, value, ...}, in that order; null values left out. */
  static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        m.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return m;
  }

  static List<Object> list(Object... values) {
    return new ArrayList<>(Arrays.asList(values));
  }
}
