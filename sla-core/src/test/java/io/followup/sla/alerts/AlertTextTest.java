package io.followup.sla.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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

  @Test
  void timesNameTheDayOnlyWhenItIsAnotherDay() {
    Instant due = Instant.parse("2026-03-06T14:00:00Z");
    assertThat(AlertText.time(due, Instant.parse("2026-03-06T16:00:00Z"))).isEqualTo("14:00 UTC");
    assertThat(AlertText.time(due, Instant.parse("2026-03-07T16:00:00Z")))
        .isEqualTo("Mar 6 14:00 UTC");
    assertThat(AlertText.time(Instant.parse("2026-03-06T14:00:35Z"), due))
        .isEqualTo("14:00:35 UTC");
  }

  @Test
  void sourcesReadAsWords() {
    assertThat(AlertText.source("RFP_REQUEST")).isEqualTo("RFP request");
    assertThat(AlertText.source("CONTENT_SYNDICATION")).isEqualTo("content syndication");
    assertThat(AlertText.source("PARTNER_PORTAL")).isEqualTo("partner portal");
  }
}
