package io.followup.sla.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.followup.sla.time.WorkingHours.InvalidWorkingHoursException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingHoursTest {

  @ParameterizedTest(name = "''{0}'' reads as ''{1}'', {2} minutes a week")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          MON-FRI 09:00-17:00                  | MON-FRI 09:00-17:00                  | 2400
          MON-THU 08:00-16:30, FRI 08:00-12:00 | MON-THU 08:00-16:30, FRI 08:00-12:00 | 2280
          MON,WED,FRI 10:00-14:00              | MON,WED,FRI 10:00-14:00              | 720
          MON-FRI 09:00-12:00 13:00-17:00      | MON-FRI 09:00-12:00 13:00-17:00      | 2100
          24/7                                 | 24/7                                 | 10080
          MON-SUN 00:00-24:00                  | 24/7                                 | 10080
          mon - fri 9:00 - 17:00               | MON-FRI 09:00-17:00                  | 2400
          Monday-Friday 09:00-17:00            | MON-FRI 09:00-17:00                  | 2400
          MON,TUE,WED 09:00-17:00              | MON-WED 09:00-17:00                  | 1440
          SAT,SUN 10:00-14:00                  | SAT,SUN 10:00-14:00                  | 480
          FRI-MON 10:00-12:00                  | MON,FRI-SUN 10:00-12:00              | 480
          MON-FRI 13:00-17:00 09:00-12:00      | MON-FRI 09:00-12:00 13:00-17:00      | 2100
          MON-FRI 09:00-12:00 12:00-17:00      | MON-FRI 09:00-17:00                  | 2400
          MON-FRI 09:00-17:00, SAT 09:00-13:00 | MON-FRI 09:00-17:00, SAT 09:00-13:00 | 2640
          MON 22:00-24:00, TUE 00:00-06:00     | MON 22:00-24:00, TUE 00:00-06:00     | 480
          MON,TUE 10:00-14:00, MON 15:00-16:00 | MON 10:00-14:00 15:00-16:00, TUE 10:00-14:00 | 540
          """)
  void parsesAndPrintsCanonically(String spec, String canonical, long weeklyMinutes) {
    WorkingHours hours = WorkingHours.parse(spec);
    assertThat(hours.toString()).isEqualTo(canonical);
    assertThat(hours.weekly()).isEqualTo(Duration.ofMinutes(weeklyMinutes));
    assertThat(WorkingHours.parse(hours.toString())).isEqualTo(hours);
  }

  @ParameterizedTest(name = "''{0}'': {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          MOM-FRI 09:00-17:00             | unknown day 'MOM' (use MON, TUE, WED, THU, FRI, SAT
          MON-FRI 17:00-09:00             | the interval 17:00-09:00 ends before it starts
          MON-FRI 09:00-13:00 12:00-17:00 | 09:00-13:00 and 12:00-17:00 overlap on MON, TUE, WED
          MON-FRI 09:00-17:00, WED 16:00-18:00 | 09:00-17:00 and 16:00-18:00 overlap on WED
          MON-FRI 09:00-09:00             | the interval 09:00-09:00 is empty
          MON-FRI 09:00-25:00             | '25:00' in 09:00-25:00 is not a time of day
          MON-FRI 9-17                    | '9-17' is not an interval (write e.g. 09:00-17:00)
          09:00-17:00                     | the interval 09:00-17:00 names no days
          MON-FRI                         | MON-FRI has no hours (write e.g. MON-FRI 09:00-17:00)
          MON-FRI 09:00-17:00, SAT        | SAT has no hours
          24/7, SAT 09:00-12:00           | 24/7 stands alone
          MON-FRI 24:00-24:00             | the interval 24:00-24:00 starts at 24:00
          MON_FRI 09:00-17:00             | 'MON_FRI' is neither a day
          """)
  void refusesAMistakeWithOneClearMessage(String spec, String message) {
    InvalidWorkingHoursException e =
        catchThrowableOfType(InvalidWorkingHoursException.class, () -> WorkingHours.parse(spec));
    assertThat(e).isNotNull();
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0)).contains(message);
    assertThat(e.getMessage()).startsWith("working hours '" + spec + "': ").contains(message);
  }

  @Test
  void namesEveryMistakeOfASpecOnce() {
    InvalidWorkingHoursException e =
        catchThrowableOfType(
            InvalidWorkingHoursException.class,
            () ->
                WorkingHours.parse(
                    "MON-FRY 09:00-17:00, SAT 14:00-10:00, SUN 08:00-12:00 11:00-13:00"));
    assertThat(e.problems())
        .containsExactly(
            "unknown day 'FRY' (use MON, TUE, WED, THU, FRI, SAT, SUN)",
            "the interval 14:00-10:00 ends before it starts (an interval lies within one day;"
                + " write a night shift as two intervals, e.g. MON 22:00-24:00, TUE 00:00-06:00)",
            "the intervals 08:00-12:00 and 11:00-13:00 overlap on SUN");
  }

  @Test
  void emptyOrBlankSpecsAreRefused() {
    for (String spec : new String[] {"", "  ", null}) {
      InvalidWorkingHoursException e =
          catchThrowableOfType(InvalidWorkingHoursException.class, () -> WorkingHours.parse(spec));
      assertThat(e.problems())
          .containsExactly("no working hours given (write e.g. MON-FRI 09:00-17:00)");
    }
  }

  @Test
  void answersWhetherATimeIsWorkingTime() {
    WorkingHours hours = WorkingHours.parse("MON-FRI 09:00-12:00 13:00-17:00");
    assertThat(hours.isWorking(DayOfWeek.MONDAY, LocalTime.of(9, 0))).isTrue();
    assertThat(hours.isWorking(DayOfWeek.MONDAY, LocalTime.of(11, 59))).isTrue();
    assertThat(hours.isWorking(DayOfWeek.MONDAY, LocalTime.of(12, 0))).isFalse();
    assertThat(hours.isWorking(DayOfWeek.MONDAY, LocalTime.of(17, 0))).isFalse();
    assertThat(hours.isWorking(DayOfWeek.SATURDAY, LocalTime.of(10, 0))).isFalse();
    assertThat(hours.intervals(DayOfWeek.FRIDAY).stream().map(Object::toString))
        .containsExactly("09:00-12:00", "13:00-17:00");
    assertThat(hours.intervals(DayOfWeek.SUNDAY)).isEmpty();
    assertThat(WorkingHours.ALWAYS.intervals(DayOfWeek.SUNDAY))
        .isEqualTo(List.of(new WorkingHours.Interval(0, 1440)));
  }
}
