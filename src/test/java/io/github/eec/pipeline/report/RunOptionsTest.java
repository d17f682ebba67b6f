package io.github.eec.pipeline.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.eec.pipeline.options.OptionsParser;
import java.util.List;
import org.junit.Test;

/** The options the page lists: every job option, what was given, and never a secret. */
public class RunOptionsTest {
  @Test
  public void listsTheJobsOptionsAndHidesSecrets() {
    List<RunOptions.Row> rows =
        RunOptions.of(
            OptionsParser.parse(
                "--input=in/*",
                "--output=/tmp/out",
                "--numShards=7",
                "--catalogUri=jdbc:postgresql://user:pw123@db/eec?password=pw456&ssl=true",
                "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\","
                    + "\"accessKeyId\":\"AKIDEXAMPLE\",\"secretAccessKey\":\"SECRETEXAMPLE\"}"));
    StringBuilder all = new StringBuilder();
    for (RunOptions.Row r : rows) {
      all.append(r.name).append('=').append(r.value).append(r.given ? " given\n" : "\n");
    }
    String text = all.toString();
    assertThat(text, containsString("numShards=7 given"));
    assertThat(text, containsString("maxRejectedFraction=0.05\n")); // a default
    assertThat(text, containsString("report=true\n"));
    assertThat(text, containsString("runner=DirectRunner"));
    assertThat(text, containsString("awsCredentialsProvider=(hidden)"));
    assertThat(text, not(containsString("AKIDEXAMPLE")));
    assertThat(text, not(containsString("SECRETEXAMPLE")));
    assertThat(text, not(containsString("pw123")));
    assertThat(text, not(containsString("pw456")));
    assertThat(text, containsString("ssl=true"));
  }

  @Test
  public void valuesAreMaskedWhereverAPasswordSits() {
    assertEquals("(hidden)", RunOptions.shown("dbPassword", "x"));
    assertEquals("(hidden)", RunOptions.shown("awsSessionToken", "x"));
    assertEquals("a?token=(hidden)&b=1", RunOptions.shown("uri", "a?token=t0k&b=1"));
    assertEquals("s3://bucket/in/*", RunOptions.shown("input", "s3://bucket/in/*"));
    assertTrue(RunOptions.shown("uri", "https://u:p@host/x").contains("u:(hidden)@host"));
  }
}
