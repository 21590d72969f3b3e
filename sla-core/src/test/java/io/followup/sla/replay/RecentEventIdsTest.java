package io.followup.sla.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentEventIdsTest {

  private static final Instant T0 = Instant.parse("2026-03-06T09:00:00Z");

  @Test
  void aRepeatWithinTheWindowIsADuplicateAndOneAfterItIsNot() {
    RecentEventIds ids = new RecentEventIds(Duration.ofDays(7));
    assertThat(ids.firstSeen("e1", T0)).isTrue();
    assertThat(ids.firstSeen("e1", T0.plus(Duration.ofDays(7)))).isFalse();
    assertThat(ids.firstSeen("e2", T0.plus(Duration.ofDays(7)))).isTrue();
    assertThat(ids.firstSeen("e1", T0.plus(Duration.ofDays(7)).plusMillis(1))).isTrue();
  }

  @Test
  void memoryHoldsTheWindowNotTheHistory() {
    RecentEventIds ids = new RecentEventIds(Duration.ofDays(7));
    for (int hour = 0; hour < 24 * 365; hour++) {
      assertThat(ids.firstSeen("e" + hour, T0.plus(Duration.ofHours(hour)))).isTrue();
    }
    assertThat(ids.size()).isEqualTo(24 * 7 + 1);
  }
}
