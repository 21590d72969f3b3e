package io.followup.sla.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deadlines in business hours, one row per situation: the start and the expected deadline are local
 * wall times with their UTC offset, and the expected deadline is also given in UTC, so a row checks
 * both what the rep's clock shows and the instant the engine stores.
 *
 * <p>The clocks change in 2026 on 03-08 and 11-01 in the US (at 02:00 local) and on 03-29 and 10-25
 * in the EU (at 02:00 / 03:00 local); every one of those dates is a Sunday.
 */
class BusinessCalendarTest {

  private static final String OFFICE = "MON-FRI 09:00-17:00";

  /** Short names for the zones of the tables below. */
  private static final Map<String, ZoneId> ZONES =
      Map.of(
          "NY", ZoneId.of("America/New_York"),
          "CHI", ZoneId.of("America/Chicago"),
          "BER", ZoneId.of("Europe/Berlin"));

  /**
   * Example holidays, per zone of the tables: a few US (New York) public holidays of 2026, and
   * German (Berlin) public holidays of spring 2026 plus Christmas Eve and Day as company holidays.
   * Real ones come from the policy file.
   */
  private static final Map<String, Set<LocalDate>> HOLIDAYS =
      Map.of(
          "NY",
          dates("2026-02-16", "2026-07-04", "2026-11-26", "2026-12-25"),
          "BER",
          dates(
              "2026-04-03",
              "2026-04-06",
              "2026-05-01",
              "2026-05-14",
              "2026-05-25",
              "2026-12-24",
              "2026-12-25"));

  @ParameterizedTest(name = "{0} {1} + {2} is due {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # Friday 16:00 + 4 business hours is Monday 12:00
          NY  | 2026-02-13T16:00-05:00 | PT4H   | 2026-02-16T12:00-05:00 | 2026-02-16T17:00Z
          # US spring forward, 2026-03-08: a lead on the Friday before, one on the Sunday itself
          NY  | 2026-03-06T16:00-05:00 | PT4H   | 2026-03-09T12:00-04:00 | 2026-03-09T16:00Z
          NY  | 2026-03-08T10:00-04:00 | PT4H   | 2026-03-09T13:00-04:00 | 2026-03-09T17:00Z
          #   ... one in the night before the jump, and a Friday 09:00 lead with two days' hours
          NY  | 2026-03-08T01:30-05:00 | PT8H   | 2026-03-09T17:00-04:00 | 2026-03-09T21:00Z
          NY  | 2026-03-06T09:00-05:00 | PT16H  | 2026-03-09T17:00-04:00 | 2026-03-09T21:00Z
          # US fall back, 2026-11-01: Friday; the Sunday at the first and the second 01:30
          CHI | 2026-10-30T16:00-05:00 | PT4H   | 2026-11-02T12:00-06:00 | 2026-11-02T18:00Z
          CHI | 2026-11-01T01:30-05:00 | PT8H   | 2026-11-02T17:00-06:00 | 2026-11-02T23:00Z
          CHI | 2026-11-01T01:30-06:00 | PT1H   | 2026-11-02T10:00-06:00 | 2026-11-02T16:00Z
          NY  | 2026-10-30T15:30-04:00 | PT3H   | 2026-11-02T10:30-05:00 | 2026-11-02T15:30Z
          # EU spring forward, 2026-03-29: Friday; the Sunday
          BER | 2026-03-27T16:00+01:00 | PT4H   | 2026-03-30T12:00+02:00 | 2026-03-30T10:00Z
          BER | 2026-03-29T12:00+02:00 | PT2H   | 2026-03-30T11:00+02:00 | 2026-03-30T09:00Z
          # EU fall back, 2026-10-25: Friday; the Sunday at the first 02:30; a week of hours
          BER | 2026-10-23T16:00+02:00 | PT4H   | 2026-10-26T12:00+01:00 | 2026-10-26T11:00Z
          BER | 2026-10-25T02:30+02:00 | PT1H   | 2026-10-26T10:00+01:00 | 2026-10-26T09:00Z
          BER | 2026-10-23T09:00+02:00 | PT40H  | 2026-10-29T17:00+01:00 | 2026-10-29T16:00Z
          # Inside hours; before opening; after closing
          NY  | 2026-02-10T10:30-05:00 | PT2H   | 2026-02-10T12:30-05:00 | 2026-02-10T17:30Z
          NY  | 2026-02-10T07:00-05:00 | PT1H   | 2026-02-10T10:00-05:00 | 2026-02-10T15:00Z
          NY  | 2026-02-10T18:00-05:00 | PT1H   | 2026-02-11T10:00-05:00 | 2026-02-11T15:00Z
          # An SLA that runs out at 17:00 ends at 17:00, not at the next opening
          NY  | 2026-02-10T13:00-05:00 | PT4H   | 2026-02-10T17:00-05:00 | 2026-02-10T22:00Z
          NY  | 2026-02-10T09:00-05:00 | PT8H   | 2026-02-10T17:00-05:00 | 2026-02-10T22:00Z
          NY  | 2026-02-10T13:00-05:00 | PT4H1M | 2026-02-11T09:01-05:00 | 2026-02-11T14:01Z
          NY  | 2026-02-10T17:00-05:00 | PT1M   | 2026-02-11T09:01-05:00 | 2026-02-11T14:01Z
          # A zero SLA is due at once in hours, at the next opening outside them
          NY  | 2026-02-10T10:00-05:00 | PT0S   | 2026-02-10T10:00-05:00 | 2026-02-10T15:00Z
          NY  | 2026-02-10T09:00-05:00 | PT0S   | 2026-02-10T09:00-05:00 | 2026-02-10T14:00Z
          NY  | 2026-02-10T17:00-05:00 | PT0S   | 2026-02-11T09:00-05:00 | 2026-02-11T14:00Z
          NY  | 2026-02-14T10:00-05:00 | PT0S   | 2026-02-16T09:00-05:00 | 2026-02-16T14:00Z
          # Long SLAs: whole weeks
          NY  | 2026-02-02T09:00-05:00 | PT80H  | 2026-02-13T17:00-05:00 | 2026-02-13T22:00Z
          BER | 2026-01-05T12:00+01:00 | PT400H | 2026-03-16T12:00+01:00 | 2026-03-16T11:00Z
          NY  | 2026-01-05T12:00-05:00 | PT400H | 2026-03-16T12:00-04:00 | 2026-03-16T16:00Z
          """)
  void officeHoursOverWeekendsAndClockChanges(
      String zone, OffsetDateTime start, Duration sla, OffsetDateTime due, OffsetDateTime dueUtc) {
    assertDeadline(
        BusinessCalendar.of(ZONES.get(zone), WorkingHours.parse(OFFICE), Set.of()),
        start,
        sla,
        due,
        dueUtc);
  }

  @ParameterizedTest(name = "{0} {1} + {2} is due {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # Thanksgiving (Thursday 2026-11-26) is skipped; a lead on the day waits for Friday
          NY  | 2026-11-25T15:00-05:00 | PT4H   | 2026-11-27T11:00-05:00 | 2026-11-27T16:00Z
          NY  | 2026-11-26T10:00-05:00 | PT1H   | 2026-11-27T10:00-05:00 | 2026-11-27T15:00Z
          # Christmas Eve and Day (Thursday and Friday) in Berlin, then the weekend
          BER | 2026-12-23T16:00+01:00 | PT2H   | 2026-12-28T10:00+01:00 | 2026-12-28T09:00Z
          # A holiday on a Saturday (July 4) changes nothing
          NY  | 2026-07-03T16:00-04:00 | PT2H   | 2026-07-06T10:00-04:00 | 2026-07-06T14:00Z
          # Two weeks of hours over Presidents' Day (Monday 2026-02-16)
          NY  | 2026-02-09T09:00-05:00 | PT80H  | 2026-02-23T17:00-05:00 | 2026-02-23T22:00Z
          # 400 hours over Presidents' Day and the spring forward; over five holidays in Berlin
          NY  | 2026-01-05T12:00-05:00 | PT400H | 2026-03-17T12:00-04:00 | 2026-03-17T16:00Z
          BER | 2026-04-01T12:00+02:00 | PT400H | 2026-06-17T12:00+02:00 | 2026-06-17T10:00Z
          """)
  void holidaysAreSkipped(
      String zone, OffsetDateTime start, Duration sla, OffsetDateTime due, OffsetDateTime dueUtc) {
    assertDeadline(
        BusinessCalendar.of(ZONES.get(zone), WorkingHours.parse(OFFICE), HOLIDAYS.get(zone)),
        start,
        sla,
        due,
        dueUtc);
  }

  @ParameterizedTest(name = "{1} in {0}: {2} + {3} is due {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # 24/7 counts every hour, so over a clock change it is wall-clock time
          NY  | 24/7                                 | 2026-03-07T12:00 | PT24H | 2026-03-08T13:00
          BER | 24/7                                 | 2026-10-24T12:00 | PT24H | 2026-10-25T11:00
          # A lunch break is not counted; an SLA that runs out at noon ends at noon
          NY  | MON-FRI 09:00-12:00 13:00-17:00      | 2026-02-10T11:00 | PT2H  | 2026-02-10T14:00
          NY  | MON-FRI 09:00-12:00 13:00-17:00      | 2026-02-10T11:00 | PT1H  | 2026-02-10T12:00
          # Short Fridays; three days a week
          BER | MON-THU 08:00-16:30, FRI 08:00-12:00 | 2026-02-13T11:00 | PT2H  | 2026-02-16T09:00
          CHI | MON,WED,FRI 10:00-14:00              | 2026-02-09T13:00 | PT6H  | 2026-02-13T11:00
          # Weekend shifts
          BER | SAT,SUN 10:00-14:00                  | 2026-02-13T11:00 | PT5H  | 2026-02-15T11:00
          """)
  void otherWorkingHours(
      String zone, String hours, LocalDateTime start, Duration sla, LocalDateTime due) {
    ZoneId z = ZONES.get(zone);
    BusinessCalendar calendar = BusinessCalendar.of(z, WorkingHours.parse(hours), Set.of());
    Instant deadline = calendar.deadline(start.atZone(z).toInstant(), sla);
    assertThat(LocalDateTime.ofInstant(deadline, z)).isEqualTo(due);
    assertThat(calendar.workingTimeBetween(start.atZone(z).toInstant(), deadline)).isEqualTo(sla);
  }

  private static void assertDeadline(
      BusinessCalendar calendar,
      OffsetDateTime start,
      Duration sla,
      OffsetDateTime due,
      OffsetDateTime dueUtc) {
    Instant deadline = calendar.deadline(start.toInstant(), sla);
    // The rep's wall clock, with the offset in force at the deadline, and the instant in UTC.
    assertThat(deadline.atZone(calendar.zone()).toOffsetDateTime()).isEqualTo(due);
    assertThat(deadline).isEqualTo(dueUtc.toInstant());
    // The inverse: the working time from the first opening to the deadline is the SLA.
    Instant opening = calendar.nextOpening(start.toInstant());
    assertThat(calendar.workingTimeBetween(opening, deadline)).isEqualTo(sla);
  }

  @ParameterizedTest(name = "{0} in {1}: 09:00-17:00 is 8 working hours")
  @CsvSource({
    "2026-03-08, America/New_York",
    "2026-11-01, America/New_York",
    "2026-03-08, America/Chicago",
    "2026-11-01, America/Chicago",
    "2026-03-29, Europe/Berlin",
    "2026-10-25, Europe/Berlin",
  })
  void aWorkingDayIsEightHoursOnTheDayTheClocksChange(LocalDate day, ZoneId zone) {
    BusinessCalendar calendar =
        BusinessCalendar.of(zone, WorkingHours.parse("MON-SUN 09:00-17:00"), Set.of());
    Instant midnight = day.atStartOfDay(zone).toInstant();
    Instant nextMidnight = day.plusDays(1).atStartOfDay(zone).toInstant();
    assertThat(calendar.workingTimeBetween(midnight, nextMidnight)).isEqualTo(Duration.ofHours(8));
    assertThat(calendar.nextOpening(midnight)).isEqualTo(day.atTime(9, 0).atZone(zone).toInstant());
    assertThat(calendar.deadline(midnight, Duration.ofHours(8)))
        .isEqualTo(day.atTime(17, 0).atZone(zone).toInstant());
  }

  /**
   * On 2026-03-08 New York's clock jumps from 02:00 EST to 03:00 EDT: 02:30 never shows. A bound at
   * 02:30 takes effect when the clock first shows 02:30 or later, at 03:00 EDT (07:00 UTC).
   */
  @Test
  void aBoundInTheSpringForwardGapTakesEffectWhenTheGapEnds() {
    ZoneId newYork = ZoneId.of("America/New_York");
    BusinessCalendar opensInGap =
        BusinessCalendar.of(newYork, WorkingHours.parse("SUN 02:30-05:00"), Set.of());
    Instant saturday = Instant.parse("2026-03-07T12:00:00Z");
    Instant gapEnd = Instant.parse("2026-03-08T07:00:00Z");
    assertThat(opensInGap.nextOpening(saturday)).isEqualTo(gapEnd);
    // 03:00 EDT to 05:00 EDT: two hours that Sunday, two and a half on any other.
    assertThat(opensInGap.workingTimeBetween(saturday, Instant.parse("2026-03-09T00:00:00Z")))
        .isEqualTo(Duration.ofHours(2));
    assertThat(
            opensInGap.workingTimeBetween(
                Instant.parse("2026-02-28T12:00:00Z"), Instant.parse("2026-03-02T00:00:00Z")))
        .isEqualTo(Duration.ofMinutes(150));
    assertThat(opensInGap.deadline(saturday, Duration.ofHours(2)))
        .isEqualTo(Instant.parse("2026-03-08T09:00:00Z"));

    BusinessCalendar closesInGap =
        BusinessCalendar.of(newYork, WorkingHours.parse("SUN 00:00-02:30"), Set.of());
    Instant sundayMidnight = Instant.parse("2026-03-08T05:00:00Z");
    // 00:00 EST to 03:00 EDT is two real hours.
    assertThat(closesInGap.deadline(sundayMidnight, Duration.ofHours(2))).isEqualTo(gapEnd);
    assertThat(closesInGap.deadline(sundayMidnight, Duration.ofMinutes(121)))
        .isEqualTo(Instant.parse("2026-03-15T04:01:00Z"));
    assertThat(closesInGap.isOpen(gapEnd.minusMillis(1))).isTrue();
    assertThat(closesInGap.isOpen(gapEnd)).isFalse();
  }

  /**
   * On 2026-11-01 Chicago's clock shows 01:00-02:00 twice (CDT, then CST). A bound at 01:30 takes
   * effect the first time the clock shows it (06:30 UTC).
   */
  @Test
  void aBoundInTheFallBackOverlapTakesEffectTheFirstTime() {
    ZoneId chicago = ZoneId.of("America/Chicago");
    Instant saturday = Instant.parse("2026-10-31T12:00:00Z");
    Instant monday = Instant.parse("2026-11-02T12:00:00Z");
    BusinessCalendar early =
        BusinessCalendar.of(chicago, WorkingHours.parse("SUN 00:00-01:30"), Set.of());
    assertThat(early.workingTimeBetween(saturday, monday)).isEqualTo(Duration.ofMinutes(90));
    assertThat(early.deadline(saturday, Duration.ofMinutes(90)))
        .isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));

    BusinessCalendar late =
        BusinessCalendar.of(chicago, WorkingHours.parse("SUN 01:30-03:00"), Set.of());
    assertThat(late.nextOpening(saturday)).isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
    // 01:30 CDT to 03:00 CST is two and a half real hours.
    assertThat(late.workingTimeBetween(saturday, monday)).isEqualTo(Duration.ofMinutes(150));
    assertThat(late.deadline(saturday, Duration.ofMinutes(150)))
        .isEqualTo(Instant.parse("2026-11-01T09:00:00Z"));
  }

  @Test
  void aNegativeSlaIsRefusedAndReversedBoundsGiveNegativeTime() {
    BusinessCalendar calendar =
        BusinessCalendar.of(ZoneId.of("Europe/Berlin"), WorkingHours.parse(OFFICE), Set.of());
    assertThatThrownBy(
            () -> calendar.deadline(Instant.parse("2026-02-10T10:00:00Z"), Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
    Instant a = Instant.parse("2026-02-10T09:00:00Z");
    Instant b = Instant.parse("2026-02-11T09:00:00Z");
    assertThat(calendar.workingTimeBetween(a, b)).isEqualTo(Duration.ofHours(8));
    assertThat(calendar.workingTimeBetween(b, a)).isEqualTo(Duration.ofHours(-8));
    assertThat(calendar.workingTimeBetween(a, a)).isZero();
  }

  @Test
  void isOpenIncludesTheStartOfAnIntervalAndExcludesItsEnd() {
    ZoneId zone = ZoneId.of("America/New_York");
    BusinessCalendar calendar =
        BusinessCalendar.of(zone, WorkingHours.parse(OFFICE), Set.of(LocalDate.of(2026, 11, 26)));
    assertThat(calendar.isOpen(OffsetDateTime.parse("2026-11-25T09:00-05:00").toInstant()))
        .isTrue();
    assertThat(calendar.isOpen(OffsetDateTime.parse("2026-11-25T17:00-05:00").toInstant()))
        .isFalse();
    assertThat(calendar.isOpen(OffsetDateTime.parse("2026-11-26T10:00-05:00").toInstant()))
        .isFalse();
    assertThat(calendar.isOpen(OffsetDateTime.parse("2026-11-28T10:00-05:00").toInstant()))
        .isFalse();
  }

  private static Set<LocalDate> dates(String... isoDates) {
    return Arrays.stream(isoDates).map(LocalDate::parse).collect(Collectors.toSet());
  }
}
