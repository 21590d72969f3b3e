package io.followup.sla.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArrivalOrderTest {

  private static final Instant T0 = Instant.parse("2026-03-06T09:00:00Z");

  private static Instant m(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private final List<String> out = new ArrayList<>();

  /** Adds an event that happened and arrived at the same minute. */
  private static void event(ArrivalOrder<String> order, String name, long minute)
      throws ArrivalOrder.TooLateException {
    order.add(name, m(minute), m(minute));
  }

  @Test
  void recordsInOrderPassStraightThroughWithoutAWindow() throws Exception {
    ArrivalOrder<String> order = new ArrivalOrder<>(Duration.ZERO, out::add);
    event(order, "a", 0);
    assertThat(out).containsExactly("a");
    event(order, "b", 0);
    event(order, "c", 5);
    assertThat(out).containsExactly("a", "b", "c");
    assertThat(order.pending()).isZero();
  }

  @Test
  void memoryHoldsTheWindowNotTheFile() throws Exception {
    ArrivalOrder<String> order = new ArrivalOrder<>(Duration.ofHours(1), out::add);
    int most = 0;
    for (int minute = 0; minute < 20_000; minute++) {
      event(order, "e" + minute, minute);
      most = Math.max(most, order.pending());
    }
    assertThat(most).isEqualTo(60);
    assertThat(out).hasSize(20_000 - 60);
    order.finish();
    assertThat(out).hasSize(20_000).endsWith("e19999");
  }

  @Test
  void recordsShuffledWithinTheWindowComeOutInArrivalOrder() throws Exception {
    ArrivalOrder<String> order = new ArrivalOrder<>(Duration.ofMinutes(30), out::add);
    event(order, "10", 10);
    event(order, "0", 0);
    event(order, "20", 20);
    event(order, "5", 5);
    event(order, "40", 40);
    event(order, "15", 15);
    event(order, "15b", 15);
    order.finish();
    assertThat(out).containsExactly("0", "5", "10", "15", "15b", "20", "40");
  }

  @Test
  void anyShuffleWithinTheWindowComesOutAsASortWould() throws Exception {
    Random random = new Random(7);
    List<long[]> read = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      // Mostly in order, some lines up to 30 minutes early or late, some recorded hours later.
      long minute = i + (random.nextInt(10) == 0 ? random.nextInt(61) - 30 : 0);
      long arrival = random.nextInt(50) == 0 ? minute + 60 * (1 + random.nextInt(48)) : minute;
      read.add(new long[] {arrival, minute, i});
    }
    List<Long> released = new ArrayList<>();
    ArrivalOrder<long[]> order =
        new ArrivalOrder<>(Duration.ofMinutes(60), r -> released.add(r[2]));
    for (long[] r : read) {
      order.add(r, m(r[0]), m(r[1]));
    }
    order.finish();

    List<Long> sorted =
        read.stream()
            .sorted(Comparator.comparingLong((long[] r) -> r[0]).thenComparingLong(r -> r[2]))
            .map(r -> r[2])
            .toList();
    assertThat(released).isEqualTo(sorted);
  }

  @Test
  void aRecordLoggedLateWaitsForTheInputToReachItsArrival() throws Exception {
    // occurredAt order: the touch happened at minute 1 but was recorded three days later.
    ArrivalOrder<String> order = new ArrivalOrder<>(Duration.ZERO, out::add);
    event(order, "created", 0);
    order.add("touch", m(3 * 24 * 60), m(1));
    event(order, "status", 2);
    assertThat(out).containsExactly("created", "status");
    event(order, "day 3", 3 * 24 * 60 - 1);
    event(order, "day 3 later", 3 * 24 * 60 + 1);
    assertThat(out).containsExactly("created", "status", "day 3", "touch", "day 3 later");
  }

  @Test
  void aRecordArrivingBeforeOnesAlreadyReleasedIsRefusedWithBothTimes() throws Exception {
    ArrivalOrder<String> order = new ArrivalOrder<>(Duration.ofMinutes(30), out::add);
    event(order, "a", 0);
    event(order, "b", 100);
    assertThat(out).containsExactly("a");
    event(order, "in reach", 70);
    assertThatThrownBy(() -> event(order, "too late", -1))
        .isInstanceOfSatisfying(
            ArrivalOrder.TooLateException.class,
            e -> {
              assertThat(e.arrival()).isEqualTo(m(-1));
              assertThat(e.releasedUpTo()).isEqualTo(m(0));
            })
        .hasMessage(
            "arrived at 2026-03-06T08:59:00Z, before records already replayed (up to"
                + " 2026-03-06T09:00:00Z)");
    order.finish();
    assertThat(out).containsExactly("a", "in reach", "b");
  }

  @Test
  void aRecordWithoutATimeStaysWhereItStands() throws Exception {
    ArrivalOrder<String> order = new ArrivalOrder<>(Duration.ofMinutes(30), out::add);
    order.addInPlace("first profile");
    event(order, "10", 10);
    event(order, "20", 20);
    order.addFrom("profile from 90", m(90));
    order.addInPlace("profile after 20");
    event(order, "20b", 20);
    event(order, "15", 15);
    order.finish();
    assertThat(out)
        .containsExactly(
            "first profile", "10", "15", "20", "profile after 20", "20b", "profile from 90");
  }

  @Test
  void aRecordInForceSinceBeforeWhatWasReleasedTakesEffectAtOnce() throws Exception {
    ArrivalOrder<String> order = new ArrivalOrder<>(Duration.ZERO, out::add);
    event(order, "a", 10);
    order.addFrom("since last year", m(-525_600));
    event(order, "b", 11);
    assertThat(out).containsExactly("a", "since last year", "b");
  }

  @Test
  void aNegativeWindowIsRefused() {
    assertThatThrownBy(() -> new ArrivalOrder<String>(Duration.ofMinutes(-1), s -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
