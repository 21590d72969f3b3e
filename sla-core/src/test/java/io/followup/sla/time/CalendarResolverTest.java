package io.followup.sla.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.events.RepProfile;
import io.followup.sla.time.CalendarResolver.RegionDefaults;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalendarResolverTest {

  private static final HolidayCalendar HOLIDAYS =
      HolidayCalendar.parse(
          Map.of("US", List.of("2026-11-26"), "DE", List.of("2026-10-03", "2026-12-24")));

  private static final RegionDefaults US =
      RegionDefaults.of("America/New_York", "MON-FRI 09:00-17:00", HOLIDAYS.holidays("US"));
  private static final RegionDefaults DE =
      RegionDefaults.of("Europe/Berlin", "MON-FRI 08:00-16:00", HOLIDAYS.holidays("DE"));
  private static final RegionDefaults DEFAULTS =
      RegionDefaults.of("UTC", "MON-FRI 09:00-17:00", Set.of());

  private final CalendarResolver resolver =
      CalendarResolver.builder(DEFAULTS).region("US", US).region("DE", DE).build();

  private static RepProfile rep(String timeZone, String workingHours, String region) {
    return RepProfile.newBuilder()
        .setRepId("R-1")
        .setName("Dana Ortiz")
        .setTimeZone(timeZone)
        .setWorkingHours(workingHours)
        .setRegion(region)
        .build();
  }

  @Test
  void aRepWorksInTheirOwnZoneAndHoursWithTheirRegionsHolidays() {
    SlaCalendar calendar = resolver.forRep(rep("America/Chicago", "MON-THU 08:00-18:00", "us"));
    assertThat(calendar)
        .isEqualTo(
            BusinessCalendar.of(
                ZoneId.of("America/Chicago"),
                WorkingHours.parse("MON-THU 08:00-18:00"),
                HOLIDAYS.holidays("US")));
  }

  @Test
  void whatTheProfileLeavesOutComesFromTheRegion() {
    assertThat(resolver.forRep(rep("Europe/Vienna", null, "DE")))
        .isEqualTo(
            BusinessCalendar.of(
                ZoneId.of("Europe/Vienna"),
                WorkingHours.parse("MON-FRI 08:00-16:00"),
                HOLIDAYS.holidays("DE")));
    assertThat(resolver.forRegion("DE")).isEqualTo(DE.calendar());
  }

  @Test
  void anUnknownOrMissingRegionGetsTheDefaults() {
    assertThat(resolver.forRep(rep("Asia/Tokyo", null, "JP")))
        .isEqualTo(
            BusinessCalendar.of(
                ZoneId.of("Asia/Tokyo"), WorkingHours.parse("MON-FRI 09:00-17:00"), Set.of()));
    assertThat(resolver.forRegion(null)).isEqualTo(DEFAULTS.calendar());
  }

  @Test
  void anUnknownRepGetsTheFallback() {
    assertThat(resolver.forRep(null)).isEqualTo(DEFAULTS.calendar());
    CalendarResolver wallClockForStrangers =
        CalendarResolver.builder(DEFAULTS).fallback(SlaCalendar.WALL_CLOCK).build();
    assertThat(wallClockForStrangers.forRep(null)).isSameAs(SlaCalendar.WALL_CLOCK);
    Instant start = Instant.parse("2026-11-27T22:00:00Z");
    assertThat(wallClockForStrangers.forRep(null).deadline(start, Duration.ofHours(4)))
        .isEqualTo(Instant.parse("2026-11-28T02:00:00Z"));
  }

  @Test
  void aProfileFieldThatDoesNotReadIsReplacedByTheRegions() {
    assertThat(resolver.forRep(rep("America/Gotham", "MOM-FRI 09:00-17:00", "US")))
        .isEqualTo(US.calendar());
  }

  @Test
  void repsWithTheSameSettingsShareOneCachedCalendar() {
    SlaCalendar first = resolver.forRep(rep("America/Chicago", "MON-FRI 09:00-17:00", "US"));
    SlaCalendar second = resolver.forRep(rep("America/Chicago", " MON-FRI 09:00-17:00 ", "us"));
    assertThat(second).isSameAs(first);
    assertThat(resolver.forRep(rep("America/Denver", "MON-FRI 09:00-17:00", "US")))
        .isNotSameAs(first);
  }

  @Test
  void theResolvedCalendarSkipsTheRegionsHolidaysInTheRepsZone() {
    SlaCalendar calendar = resolver.forRep(rep("America/Chicago", null, "US"));
    // Wednesday 2026-11-25 16:00 CST + 2 business hours: Thanksgiving is off, so Friday 10:00.
    assertThat(calendar.deadline(Instant.parse("2026-11-25T22:00:00Z"), Duration.ofHours(2)))
        .isEqualTo(Instant.parse("2026-11-27T16:00:00Z"));
  }
}
