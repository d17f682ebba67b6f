package io.github.eec.pipeline.runners;

import static org.junit.Assert.assertEquals;

import io.github.eec.pipeline.testing.EveryProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.slf4j.LoggerFactory;

/**
 * Each Maven profile puts exactly one SLF4J binding, Log4j 2's, on the class path its runs use: a
 * second one makes the choice arbitrary, and a JUL binding next to Spark's jul-to-slf4j bridge
 * loops until the stack overflows.
 */
@Category(EveryProfile.class)
public class LoggingBindingTest {
  @Test
  public void exactlyOneSlf4jBindingAndItIsLog4j() throws IOException {
    ClassLoader loader = getClass().getClassLoader();
    List<String> providers = new ArrayList<>();
    for (URL services :
        Collections.list(
            loader.getResources("META-INF/services/org.slf4j.spi.SLF4JServiceProvider"))) {
      try (InputStream in = services.openStream()) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!line.isBlank() && !line.startsWith("#")) {
            providers.add(line.strip() + " (" + services + ")");
          }
        }
      }
    }
    assertEquals("SLF4J 2 providers: " + providers, 1, providers.size());
    assertEquals(
        "SLF4J 1 bindings",
        List.of(),
        Collections.list(loader.getResources("org/slf4j/impl/StaticLoggerBinder.class")));
    assertEquals(
        "org.apache.logging.slf4j.Log4jLoggerFactory",
        LoggerFactory.getILoggerFactory().getClass().getName());
  }
}
