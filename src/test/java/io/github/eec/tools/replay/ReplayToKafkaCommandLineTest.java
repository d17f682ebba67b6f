package io.github.eec.tools.replay;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.Test;
import picocli.CommandLine;

/** The replay tool's options fail fast, before any connection to a broker. */
public class ReplayToKafkaCommandLineTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new ReplayToKafka()).setErr(new PrintWriter(err, true)).execute(args);
  }

  @Test
  public void aMissingTopicOrFileExits2NamingIt() {
    assertEquals(2, run("--bootstrapServers=127.0.0.1:1", "readings.csv"));
    assertTrue(err.toString(), err.toString().contains("--topic"));
    assertEquals(2, run("--bootstrapServers=127.0.0.1:1", "--topic=t"));
    assertTrue(err.toString(), err.toString().contains("FILE"));
  }

  @Test
  public void aBadSpeedupExits2NamingIt() {
    assertEquals(2, run("--bootstrapServers=127.0.0.1:1", "--topic=t", "--speedup=0", "r.csv"));
    assertTrue(err.toString(), err.toString().contains("--speedup must be > 0"));
    assertEquals(2, run("--bootstrapServers=127.0.0.1:1", "--topic=t", "--speedup=x", "r.csv"));
    assertTrue(err.toString(), err.toString().contains("--speedup"));
  }
}
