package io.github.eec.pipeline.report;

import io.github.eec.pipeline.options.HourlyMetricsOptions;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.display.DisplayData;

/**
 * The run's options as the page lists them: every option of the job with its value (given, or its
 * default), then the other options the command line or the job set (runner options). Secrets are
 * never shown: an option whose name speaks of credentials, keys or passwords is hidden, and so is a
 * password inside a value (a JDBC URI).
 */
final class RunOptions {
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(credential|secret|password|passwd|token|apikey|api_key|accesskey|privatekey"
              + "|sessionkey).*");
  private static final Pattern SECRET_PARAM =
      Pattern.compile("(?i)\\b(password|passwd|pwd|secret|token|access_?key)=([^&;\\s]*)");
  private static final Pattern URI_USER_INFO = Pattern.compile("://([^/:@\\s]+):([^@/\\s]+)@");
  static final String HIDDEN = "(hidden)";

  /** One option: name, value, and whether it was given (rather than its default). */
  static final class Row {
    final String name;
    final String value;
    final boolean given;

    Row(String name, String value, boolean given) {
      this.name = name;
      this.value = value;
      this.given = given;
    }
  }

  private RunOptions() {}

  static List<Row> of(PipelineOptions options) {
    Map<String, String> given = new LinkedHashMap<>();
    for (DisplayData.Item item : DisplayData.from(options).items()) {
      given.put(item.getKey(), String.valueOf(item.getValue()));
    }
    List<Row> rows = new ArrayList<>();
    List<Method> getters = new ArrayList<>(Arrays.asList(HourlyMetricsOptions.class.getMethods()));
    getters.removeIf(
        m ->
            m.getDeclaringClass() != HourlyMetricsOptions.class
                || m.getParameterCount() != 0
                || !(m.getName().startsWith("get") || m.getName().startsWith("is")));
    getters.sort(Comparator.comparing(Method::getName));
    List<String> listed = new ArrayList<>();
    for (Method m : getters) {
      String name = optionName(m.getName());
      Object value;
      try {
        value = m.invoke(options.as(HourlyMetricsOptions.class));
      } catch (ReflectiveOperationException | RuntimeException e) {
        value = "(unreadable)";
      }
      rows.add(
          new Row(
              name,
              shown(name, value == null ? "" : String.valueOf(value)),
              given.containsKey(name)));
      listed.add(name);
    }
    rows.add(new Row("runner", options.getRunner().getSimpleName(), given.containsKey("runner")));
    listed.add("runner");
    given.forEach(
        (name, value) -> {
          if (!listed.contains(name)) {
            rows.add(new Row(name, shown(name, value), true));
          }
        });
    return rows;
  }

  /** The value as the page may show it. */
  static String shown(String name, String value) {
    if (SECRET_NAME.matcher(name).matches()) {
      return HIDDEN;
    }
    String v = SECRET_PARAM.matcher(value).replaceAll("$1=" + HIDDEN);
    return URI_USER_INFO.matcher(v).replaceAll("://$1:" + HIDDEN + "@");
  }

  private static String optionName(String getter) {
    String n = getter.startsWith("get") ? getter.substring(3) : getter.substring(2);
    return Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }
}
