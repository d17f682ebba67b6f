package io.github.eec.tools.generator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The command line as a user meets it: exit statuses, one-line errors, --help against the docs. */
public class ReadingsGeneratorCommandLineTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ReadingsGenerator.run(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  public void aBadOptionExits2WithOneLineAndWritesNothing() {
    Path dir = tmp.getRoot().toPath().resolve("readings");
    assertEquals(2, run("--output=" + dir, "--period=90s", "--timeFormat=minute"));
    assertEquals(
        "ReadingsGenerator: --period=90s: must be a multiple of 1 minute, the resolution of"
            + " --timeFormat=minute"
            + System.lineSeparator(),
        err());
    assertEquals("", out());
    assertFalse(Files.exists(dir));
  }

  @Test
  public void picocliErrorsAreOneLineToo() {
    Path dir = tmp.getRoot().toPath().resolve("readings");
    String output = "--output=" + dir;
    for (String[] args :
        new String[][] {
          {},
          {output, "--meters=ten"},
          {output, "--bogus"},
          {output, "--seed=1", "--seed=2"},
          {output, "--meters"},
          {output, "--faultRates=X:1"}
        }) {
      err.reset();
      assertEquals(String.join(" ", args), 2, run(args));
      String text = err();
      assertTrue(text, text.startsWith("ReadingsGenerator: ") && text.contains("--"));
      assertEquals(text, 1, text.split("\n", -1).length - 1);
    }
    assertFalse(Files.exists(dir));
  }

  @Test
  public void anIoErrorExits1() throws IOException {
    Path file = tmp.newFile("not-a-folder").toPath();
    assertEquals(1, run("--output=" + file.resolve("readings"), "--meters=1", "--duration=1h"));
    assertTrue(err(), err().startsWith("ReadingsGenerator: java.nio.file."));
    assertEquals(err(), 1, err().split("\n", -1).length - 1);
  }

  @Test
  public void successPrintsASummary() throws IOException {
    Path dir = tmp.getRoot().toPath().resolve("ok");
    assertEquals(
        0,
        run(
            "--output=" + dir,
            "--meters=2",
            "--duration=1h",
            "--groundTruth=" + dir.resolve("gt.csv")));
    assertEquals("", err());
    assertTrue(out(), out().startsWith("wrote 1 file(s) readings-*-of-00001.csv to " + dir + ": "));
    assertTrue(out(), out().contains("ground truth: "));
    assertTrue(Files.isRegularFile(dir.resolve("readings-00000-of-00001.csv")));
    assertTrue(Files.isRegularFile(dir.resolve("_readings.faults.json")));
  }

  /**
   * Every option of the docs' table is in --help with the docs' default, and --help has no others.
   */
  @Test
  public void helpListsEveryDocumentedOptionWithItsDefault() throws IOException {
    assertEquals(0, run("--help"));
    assertEquals("", err());
    String help = out();
    Map<String, String> documented = documentedDefaults();
    assertEquals(22, documented.size());
    for (Map.Entry<String, String> e : documented.entrySet()) {
      String entry = helpEntry(help, e.getKey());
      String def = e.getValue();
      if (def.equals("(required)")) {
        assertTrue(entry, entry.contains("(required)"));
      } else if (def.isEmpty()) {
        assertFalse(entry, entry.contains("Default:"));
      } else {
        assertTrue(
            e.getKey() + " should show Default: " + def + " in\n" + entry,
            entry.contains("Default: " + def + "\n"));
      }
    }
    Matcher listed = Pattern.compile("(?m)^ {6}(--\\w+)").matcher(help);
    int count = 0;
    while (listed.find()) {
      count++;
      assertTrue(
          listed.group(1),
          documented.containsKey(listed.group(1)) || listed.group(1).equals("--help"));
    }
    assertEquals(documented.size() + 1, count);
    assertTrue(help, help.contains("Fault kinds: EMPTY_LINE WRONG_FIELD_COUNT"));
    // The two options that also work alone.
    assertTrue(help, help.contains("--gzip[=BOOL]") && help.contains("--header[=BOOL]"));
  }

  @Test
  public void helpNeedsNoOtherOption() {
    assertEquals(0, run("--help", "--meters=3"));
    assertTrue(out(), out().startsWith("Usage: ReadingsGenerator --output=DIR [--name=value ...]"));
    assertEquals("", err());
  }

  /** The help text of one option: from its line to the next option's. */
  private static String helpEntry(String help, String option) {
    Matcher m =
        Pattern.compile("(?ms)^ {6}" + Pattern.quote(option) + "[=\\[ ].*?\n(?= {6}--|\\n|\\z)")
            .matcher(help);
    assertTrue(option + " missing from --help:\n" + help, m.find());
    return m.group();
  }

  /** Option to default, from the options table of docs/generator.md (backticks dropped). */
  private static Map<String, String> documentedDefaults() throws IOException {
    Map<String, String> defaults = new LinkedHashMap<>();
    Matcher row =
        Pattern.compile("(?m)^\\| `(--\\w+)` \\| ([^|]*)\\|")
            .matcher(Files.readString(Path.of("docs/generator.md")));
    while (row.find()) {
      defaults.put(row.group(1), row.group(2).replace("`", "").trim());
    }
    return defaults;
  }
}
