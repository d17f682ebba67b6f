package io.github.eec.pipeline.rollup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.github.eec.pipeline.options.InvalidOptionException;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.Test;

/** The schedule's format: days, ranges, otherwise, and one-line errors naming the line. */
public class TouScheduleTest {
  private static final List<String> SCHEDULE =
      List.of(
          "# a weekday tariff",
          "peak:     Mon-Fri 17:00-21:00",
          "shoulder: Mon-Fri 07:00-17:00; Sat,Sun 09:00-13:00",
          "offpeak:  otherwise");

  @Test
  public void everyHourOfTheWeekIsInOnePeriod() {
    TouSchedule t = TouSchedule.parse("tou.txt", SCHEDULE);
    assertEquals(List.of("peak", "shoulder", "offpeak"), t.periods());
    assertEquals(0, t.periodOf(DayOfWeek.MONDAY, 17));
    assertEquals(0, t.periodOf(DayOfWeek.FRIDAY, 20));
    assertEquals(2, t.periodOf(DayOfWeek.FRIDAY, 21));
    assertEquals(1, t.periodOf(DayOfWeek.TUESDAY, 7));
    assertEquals(1, t.periodOf(DayOfWeek.SUNDAY, 12));
    assertEquals(2, t.periodOf(DayOfWeek.SATURDAY, 17));
    assertEquals(
        0, TouSchedule.parse("t", List.of("all: * 00:00-24:00")).periodOf(DayOfWeek.SUNDAY, 23));
  }

  private static String error(String... lines) {
    return assertThrows(
            InvalidOptionException.class, () -> TouSchedule.parse("tou.txt", List.of(lines)))
        .getMessage();
  }

  @Test
  public void mistakesNameTheLine() {
    assertThat(
        error("peak: Mon-Fri 17:30-21:00", "x: otherwise"),
        containsString("tou.txt line 1: 17:30"));
    assertThat(
        error("a: Mon 01:00-05:00", "b: Mon 04:00-06:00", "c: otherwise"),
        containsString("line 2: period b overlaps a"));
    assertThat(error("a: Mon-Fri 00:00-24:00"), containsString("SATURDAY 00:00 is in no period"));
    assertThat(error("a: Funday 00:00-24:00"), containsString("'Funday' is not a day"));
    assertThat(error("Peak: * 00:00-24:00"), containsString("line 1"));
    assertThat(error("a: otherwise", "b: otherwise"), containsString("only one"));
    assertThat(error("a: * 05:00-04:00", "b: otherwise"), containsString("ends before it begins"));
  }
}
