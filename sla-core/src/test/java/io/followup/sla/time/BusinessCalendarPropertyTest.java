package io.followup.sla.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Properties that hold for any start, SLA, zone, working hours and holidays, checked over many
 * random cases drawn with a fixed seed (a failure names its case and repeats on every run).
 */
class BusinessCalendarPropertyTest {

  private static final List<ZoneId> ZONES =
      List.of(
              "America/New_York",
              "America/Chicago",
              "America/Los_Angeles",
              "Europe/Berlin",
              "Europe/London",
              "Australia/Sydney",
              "Asia/Kolkata",
              "UTC")
          .stream()
          .map(ZoneId::of)
          .toList();

  /** Office-like hours, away from the small hours in which the clocks change. */
  private static final List<String> DAYTIME =
      List.of(
          "MON-FRI 09:00-17:00",
          "MON-FRI 09:00-12:00 13:00-17:00",
          "MON-THU 08:00-16:30, FRI 08:00-12:00",
          "MON,WED,FRI 10:00-14:00",
          "SAT,SUN 10:00-14:00",
          "TUE-SAT 07:15-19:45");

  /** Hours with bounds in or next to the small hours, where the clocks change. */
  private static final List<String> NIGHT =
      List.of(
          "24/7",
          "SUN 00:00-02:30",
          "SUN 02:30-05:00",
          "SUN 01:30-03:00",
          "MON-SUN 00:00-01:30 02:15-03:45",
          "FRI 22:00-24:00, SAT-SUN 00:00-24:00");

  private static final Instant FROM = Instant.parse("2025-12-01T00:00:00Z");
  private static final long SPAN_SECONDS = Duration.ofDays(420).toSeconds();

  @Test
  void workingTimeBetweenIsTheInverseOfDeadline() {
    SplittableRandom random = new SplittableRandom(20260308L);
    for (int i = 0; i < 3_000; i++) {
      ZoneId zone = pick(random, ZONES);
      String spec = random.nextBoolean() ? pick(random, DAYTIME) : pick(random, NIGHT);
      BusinessCalendar calendar =
          BusinessCalendar.of(zone, WorkingHours.parse(spec), holidays(random));
      Instant start =
          FROM.plusSeconds(random.nextLong(SPAN_SECONDS)).plusMillis(random.nextInt(1000));
      Duration sla =
          random.nextInt(10) == 0
              ? Duration.ZERO
              : Duration.ofSeconds(random.nextLong(Duration.ofHours(600).toSeconds()));
      String description = "case " + i + ": " + zone + ", " + spec + ", " + start + " + " + sla;

      Instant deadline = calendar.deadline(start, sla);
      Instant opening = calendar.nextOpening(start);

      assertThat(deadline).as(description).isAfterOrEqualTo(opening);
      assertThat(opening).as(description).isAfterOrEqualTo(start);
      assertThat(calendar.workingTimeBetween(opening, deadline)).as(description).isEqualTo(sla);
      assertThat(calendar.workingTimeBetween(start, deadline)).as(description).isEqualTo(sla);
      // Adding in two steps is adding at once.
      Duration part = Duration.ofSeconds(sla.toSeconds() / 3);
      assertThat(calendar.deadline(calendar.deadline(start, part), sla.minus(part)))
          .as(description)
          .isEqualTo(deadline);
    }
  }

  /**
   * Against the plainest possible reference (step minute by minute, count the minutes whose local
   * time is working time), for hours whose bounds never fall into a clock change, where both
   * readings of "working time" agree.
   */
  @Test
  void deadlinesAgreeWithCountingMinuteByMinute() {
    SplittableRandom random = new SplittableRandom(20261025L);
    for (int i = 0; i < 150; i++) {
      ZoneId zone = pick(random, ZONES);
      WorkingHours hours = WorkingHours.parse(pick(random, DAYTIME));
      Set<LocalDate> holidays = holidays(random);
      BusinessCalendar calendar = BusinessCalendar.of(zone, hours, holidays);
      Instant start = FROM.plusSeconds(random.nextLong(SPAN_SECONDS / 60) * 60);
      long minutes = 1 + random.nextLong(Duration.ofHours(90).toMinutes());

      Instant t = start;
      long left = minutes;
      while (left > 0) {
        ZonedDateTime local = t.atZone(zone);
        if (!holidays.contains(local.toLocalDate())
            && hours.isWorking(local.getDayOfWeek(), local.toLocalTime())) {
          left--;
        }
        t = t.plusSeconds(60);
      }
      assertThat(calendar.deadline(start, Duration.ofMinutes(minutes)))
          .as("case %d: %s, %s, %s + %d min", i, zone, hours, start, minutes)
          .isEqualTo(t);
    }
  }

  @Test
  void aLongSlaOverHolidaysIsCheap() {
    ZoneId zone = ZoneId.of("America/New_York");
    // A documented example: the US federal holidays of 2026.
    Set<LocalDate> holidays =
        Set.of(
                "2026-01-01",
                "2026-01-19",
                "2026-02-16",
                "2026-05-25",
                "2026-06-19",
                "2026-07-03",
                "2026-09-07",
                "2026-10-12",
                "2026-11-11",
                "2026-11-26",
                "2026-12-25")
            .stream()
            .map(LocalDate::parse)
            .collect(Collectors.toSet());
    BusinessCalendar calendar =
        BusinessCalendar.of(zone, WorkingHours.parse("MON-FRI 09:00-17:00"), holidays);
    Duration sla = Duration.ofHours(400);
    SplittableRandom random = new SplittableRandom(7);
    int calls = 20_000;
    long started = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      Instant start =
          Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextLong(31_536_000));
      calendar.deadline(start, sla);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    // Generous on purpose: a walk minute by minute would take minutes, not seconds.
    assertThat(took).isLessThan(Duration.ofSeconds(20));
    // A decade of working time is still a few hundred steps, not a day-by-day walk.
    Instant far =
        calendar.deadline(Instant.parse("2026-01-05T14:00:00Z"), Duration.ofHours(20_000));
    assertThat(calendar.workingTimeBetween(Instant.parse("2026-01-05T14:00:00Z"), far))
        .isEqualTo(Duration.ofHours(20_000));
  }

  private static Set<LocalDate> holidays(SplittableRandom random) {
    Set<LocalDate> holidays = new HashSet<>();
    int count = random.nextInt(12);
    for (int i = 0; i < count; i++) {
      holidays.add(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(400) - 30));
    }
    // Sometimes a run of holidays, as between Christmas and New Year.
    if (random.nextInt(4) == 0) {
      LocalDate first = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
      for (int d = 0; d < 10; d++) {
        holidays.add(first.plusDays(d));
      }
    }
    return holidays;
  }

  private static <T> T pick(SplittableRandom random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
