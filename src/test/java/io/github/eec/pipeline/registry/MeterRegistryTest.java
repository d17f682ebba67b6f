package io.github.eec.pipeline.registry;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.github.eec.pipeline.options.InvalidOptionException;
import io.github.eec.pipeline.rollup.RollUpSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The registry file: what it gives, and a one-line error naming file, line and problem. */
public class MeterRegistryTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final long FROM = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
  private static final long TO = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();

  @Before
  public void fileSystems() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  private Path file(String... lines) throws Exception {
    Path f = tmp.newFile().toPath();
    Files.write(f, List.of(lines), StandardCharsets.UTF_8);
    return f;
  }

  private MeterRegistry read(Path f) {
    return MeterRegistry.read(f.toString(), RollUpSchemas.DAILY_COLUMNS, FROM, TO);
  }

  private String error(String... lines) throws Exception {
    Path f = file(lines);
    String message = assertThrows(InvalidOptionException.class, () -> read(f)).getMessage();
    assertThat(message, startsWith("--meterRegistry: " + f));
    assertEquals("one line", -1, message.indexOf('\n'));
    return message;
  }

  @Test
  public void readsMetersRegionsAndAttributes() throws Exception {
    MeterRegistry r =
        read(
            file(
                "\uFEFFMeter,Region,Time_Zone,tariff,customer",
                "A,north,Europe/Berlin,res,\"Müller, K.\"",
                "B,north,Europe/Berlin,biz,X",
                "C,south,America/New_York,res,Y",
                "A,north,Europe/Berlin,res,\"Müller, K.\"")); // a repeat with the same attributes
    assertEquals(3, r.meters());
    assertEquals(Map.of("north", 2L, "south", 1L), r.metersByRegion());
    assertEquals(List.of("tariff", "customer"), r.attributeNames());
    Map.Entry<String, MeterInfo> a = r.parse("A,north,Europe/Berlin,res,\"Müller, K.\"");
    assertEquals("A", a.getKey());
    assertEquals(
        new MeterInfo("north", "Europe/Berlin", List.of("res", "Müller, K.")), a.getValue());
  }

  @Test
  public void everyProblemIsOneLineNamingTheLine() throws Exception {
    assertThat(error("meter,region"), containsString("line 1: the header has no column time_zone"));
    assertThat(
        error("meter,region,time_zone", "A,north,Europe/Berln"),
        containsString("line 2: unknown time zone 'Europe/Berln'"));
    assertThat(
        error("meter,region,time_zone", "A,north,UTC", "B,x,Asia/Kolkata"),
        containsString("line 3: time zone Asia/Kolkata has offset +05:30"));
    assertThat(
        error("meter,region,time_zone", "A,north,Australia/Lord_Howe"),
        containsString("Australia/Lord_Howe"));
    assertThat(
        error("meter,region,time_zone,x", "A,north,UTC,1", "B,north,UTC,1", "A,south,UTC,1"),
        containsString("line 4: meter A is listed again with other attributes than on line 2"));
    assertThat(
        error("meter,region,time_zone", "A,north"),
        containsString("line 2: 2 fields, the header has 3"));
    assertThat(
        error("meter,region,time_zone", ",north,UTC"), containsString("line 2: meter is empty"));
    assertThat(
        error("meter,region,time_zone,energy_mwh"),
        containsString("column 'energy_mwh' is a column of the roll-ups"));
    assertThat(error("meter,region,time_zone,bad name"), containsString("not a plain name"));
    assertThat(error(), containsString("the file is empty"));
    assertThat(
        assertThrows(
                InvalidOptionException.class,
                () ->
                    MeterRegistry.read(
                        tmp.getRoot() + "/none.csv", RollUpSchemas.DAILY_COLUMNS, FROM, TO))
            .getMessage(),
        containsString("no such file"));
  }

  @Test
  public void coder() throws Exception {
    org.apache.beam.sdk.testing.CoderProperties.coderDecodeEncodeEqual(
        MeterInfoCoder.of(), new MeterInfo("r", "UTC", List.of("a", "", "ü,\"")));
  }

  @Test
  public void splittingALineWithoutQuotesIsWhatCommonsCsvReads() throws Exception {
    java.util.SplittableRandom random = new java.util.SplittableRandom(13);
    String alphabet = "ab ,\t;|'x-\u00e9\u20ac";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder line = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        line.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      List<String> expected = new java.util.ArrayList<>();
      try (org.apache.commons.csv.CSVParser parser =
          org.apache.commons.csv.CSVParser.parse(line.toString(), MeterRegistry.FORMAT)) {
        List<org.apache.commons.csv.CSVRecord> records = parser.getRecords();
        if (records.size() != 1) {
          continue; // an empty line: the registry skips blank lines before splitting
        }
        records.get(0).forEach(expected::add);
      }
      assertEquals("'" + line + "'", expected, MeterRegistry.split(line.toString()));
    }
    assertEquals(List.of("a", "b, c", ""), MeterRegistry.split("a,\"b, c\",")); // commons-csv
  }
}
