package io.github.eec.tools.generator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import picocli.CommandLine;

/** The registry: a meter's row depends on the meter alone; bad options exit 2 naming them. */
public class RegistryGeneratorTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new RegistryGenerator())
        .setErr(new PrintWriter(err, true))
        .setOut(new PrintWriter(new StringWriter(), true))
        .execute(args);
  }

  private List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  @Test
  public void aSmallRegistryIsThePrefixOfALargeOne() throws IOException {
    Path small = tmp.getRoot().toPath().resolve("small.csv");
    Path large = tmp.getRoot().toPath().resolve("large.csv");
    assertEquals(0, run("--meters=10", "--output=" + small));
    assertEquals(0, run("--meters=500", "--output=" + large));
    List<String> s = lines(small);
    List<String> l = lines(large);
    assertEquals("meter,region,time_zone,tariff,feeder", s.get(0));
    assertEquals(11, s.size());
    assertEquals(501, l.size());
    assertEquals(s, l.subList(0, 11));
    Set<String> meters = new HashSet<>();
    Set<String> regions = new HashSet<>();
    for (String line : l.subList(1, l.size())) {
      String[] f = line.split(",", -1);
      assertEquals(line, 5, f.length);
      assertTrue(line, meters.add(f[0]));
      regions.add(f[1]);
      assertTrue(line, RegistryGenerator.ZONES.contains(f[2]));
    }
    assertEquals(50, regions.size()); // 500 meters spread over all 50 regions
  }

  @Test
  public void badCountsExit2NamingTheOptionsAndWriteNothing() {
    Path out = tmp.getRoot().toPath().resolve("none.csv");
    assertEquals(2, run("--meters=0", "--output=" + out));
    assertTrue(
        err.toString(), err.toString().contains("--meters and --regions must be at least 1"));
    assertFalse(Files.exists(out));
  }
}
