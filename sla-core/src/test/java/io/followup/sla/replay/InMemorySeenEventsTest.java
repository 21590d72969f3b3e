package io.followup.sla.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemorySeenEventsTest {

  private static final Instant T0 = Instant.parse("2026-03-06T09:00:00Z");

  /** As the step asks: seen before? if not, remember it. */
  private static boolean firstSeen(InMemorySeenEvents ids, String id, Instant now) {
    if (ids.contains(id, now)) {
      return false;
    }
    ids.add(id, now);
    return true;
  }

  @Test
  void aRepeatWithinTheWindowIsADuplicateAndOneAfterItIsNot() {
    InMemorySeenEvents ids = new InMemorySeenEvents(Duration.ofDays(7));
    assertThat(firstSeen(ids, "e1", T0)).isTrue();
    assertThat(firstSeen(ids, "e1", T0.plus(Duration.ofDays(7)))).isFalse();
    assertThat(firstSeen(ids, "e2", T0.plus(Duration.ofDays(7)))).isTrue();
    assertThat(firstSeen(ids, "e1", T0.plus(Duration.ofDays(7)).plusMillis(1))).isTrue();
  }

  @Test
  void memoryHoldsTheWindowNotTheHistory() {
    InMemorySeenEvents ids = new InMemorySeenEvents(Duration.ofDays(7));
    for (int hour = 0; hour < 24 * 365; hour++) {
      assertThat(firstSeen(ids, "e" + hour, T0.plus(Duration.ofHours(hour)))).isTrue();
    }
    assertThat(ids.size()).isEqualTo(24 * 7 + 1);
  }
}
