package io.followup.sla.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AlertTextTest {

  @Test
  void durationsReadLikeAPersonWouldSayThem() {
    assertThat(AlertText.duration(Duration.ofMinutes(125))).isEqualTo("2h 05m");
    assertThat(AlertText.duration(Duration.ofHours(76))).isEqualTo("3d 4h");
    assertThat(AlertText.duration(Duration.ofHours(48))).isEqualTo("2d");
    assertThat(AlertText.duration(Duration.ofSeconds(750))).isEqualTo("12m 30s");
    assertThat(AlertText.duration(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(AlertText.duration(Duration.ofSeconds(-3))).isEqualTo("0s");
  }

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId UTC = ZoneId.of("UTC");

  @Test
  void timesSayTheLocalDateAndTimeWithTheZoneInForceThen() {
    // The US moves to daylight time on 2026-03-08, the EU on 2026-03-29.
    assertThat(AlertText.time(Instant.parse("2026-03-06T20:00:00Z"), NEW_YORK))
        .isEqualTo("Fri Mar 6, 15:00 EST");
    assertThat(AlertText.time(Instant.parse("2026-03-10T19:00:00Z"), NEW_YORK))
        .isEqualTo("Tue Mar 10, 15:00 EDT");
    assertThat(AlertText.time(Instant.parse("2026-03-27T15:00:00Z"), BERLIN))
        .isEqualTo("Fri Mar 27, 16:00 CET");
    assertThat(AlertText.time(Instant.parse("2026-03-30T14:00:00Z"), BERLIN))
        .isEqualTo("Mon Mar 30, 16:00 CEST");
  }

  @Test
  void theLocalDateIsTheRepsEvenWhenUtcIsAlreadyOnTheNextDay() {
    assertThat(AlertText.time(Instant.parse("2026-03-07T02:30:00Z"), NEW_YORK))
        .isEqualTo("Fri Mar 6, 21:30 EST");
    assertThat(AlertText.time(Instant.parse("2026-03-07T02:30:00Z"), UTC))
        .isEqualTo("Sat Mar 7, 02:30 UTC");
  }

  @Test
  void secondsOnlyWhenSet() {
    assertThat(AlertText.time(Instant.parse("2026-03-06T14:00:35Z"), UTC))
        .isEqualTo("Fri Mar 6, 14:00:35 UTC");
    assertThat(AlertText.time(Instant.parse("2026-03-06T14:00:00.250Z"), UTC))
        .isEqualTo("Fri Mar 6, 14:00 UTC");
  }

  @Test
  void utcReadsAsUtcHoweverItIsSpelled() {
    Instant at = Instant.parse("2026-03-06T14:00:00Z");
    assertThat(AlertText.time(at, ZoneOffset.UTC)).isEqualTo("Fri Mar 6, 14:00 UTC");
    assertThat(AlertText.time(at, ZoneId.of("Etc/UTC"))).isEqualTo("Fri Mar 6, 14:00 UTC");
  }

  @Test
  void datesWithTheYearGiveTheTimeOnlyWhenItIsNotMidnight() {
    assertThat(AlertText.dateWithYear(Instant.parse("2027-01-01T00:00:00Z"), UTC))
        .isEqualTo("Jan 1, 2027");
    assertThat(AlertText.dateWithYear(Instant.parse("2027-01-01T05:00:00Z"), NEW_YORK))
        .isEqualTo("Jan 1, 2027");
    assertThat(AlertText.dateWithYear(Instant.parse("2026-03-09T08:00:00Z"), BERLIN))
        .isEqualTo("Mar 9, 2026, 09:00 CET");
  }

  @Test
  void sourcesReadAsWords() {
    assertThat(AlertText.source("RFP_REQUEST")).isEqualTo("RFP request");
    assertThat(AlertText.source("CONTENT_SYNDICATION")).isEqualTo("content syndication");
    assertThat(AlertText.source("PARTNER_PORTAL")).isEqualTo("partner portal");
  }
}
