package io.followup.sla.connect.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.connect.alerts.channel.ReviewSender;
import io.followup.sla.connect.alerts.channel.SendException;
import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.Recipient;
import io.followup.sla.connect.alerts.routing.ReviewDelivery;
import io.followup.sla.connect.alerts.routing.Role;
import io.followup.sla.connect.alerts.testing.Alerts;
import io.followup.sla.connect.alerts.testing.Reviews;
import io.followup.sla.connect.alerts.testing.TestClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReviewQueueTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final TestClock clock = new TestClock(Reviews.WEEK_END.plusSeconds(60));
  private final SentIndex sentLog = new SentIndex();
  private final List<ReviewDelivery> sent = new ArrayList<>();
  private final List<String> failed = new ArrayList<>();
  private final List<SendException> failNext = new ArrayList<>();
  private final ReviewSender sender =
      d -> {
        if (!failNext.isEmpty()) {
          throw failNext.remove(0);
        }
        sent.add(d);
      };

  private ReviewQueue queue() {
    return new ReviewQueue(
        sentLog,
        SendAt.parse("MON 08:00"),
        Map.of(Channel.EMAIL, sender),
        (d, reason) -> failed.add(reason),
        clock);
  }

  @Test
  void sendAtIsTheFirstSuchMomentAfterTheWeekInTheReadersZone() {
    SendAt monday8 = SendAt.parse("mon 08:00");
    assertThat(monday8).isEqualTo(new SendAt(DayOfWeek.MONDAY, LocalTime.of(8, 0)));
    // The week ends at Monday 00:00 New York, 06:00 in Berlin: 08:00 that Monday is 07:00 UTC.
    assertThat(monday8.firstAfter(Reviews.WEEK_END, BERLIN))
        .isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
    assertThat(monday8.firstAfter(Reviews.WEEK_END, ZoneId.of("America/New_York")))
        .isEqualTo(Instant.parse("2026-03-09T12:00:00Z"));
    // Earlier than the week's end in that zone (Monday 00:00 is Sunday evening in Los Angeles,
    // where Sunday 20:00 has already passed): the Sunday of the week after.
    assertThat(
            SendAt.parse("SUN 20:00")
                .firstAfter(Reviews.WEEK_END, ZoneId.of("America/Los_Angeles")))
        .isEqualTo(Instant.parse("2026-03-16T03:00:00Z"));
    assertThatThrownBy(() -> SendAt.parse("MO 08:00")).hasMessageContaining("not a day");
    assertThatThrownBy(() -> SendAt.parse("MON 8am")).hasMessageContaining("not a time");
    assertThatThrownBy(() -> SendAt.parse("MON")).hasMessageContaining("e.g. MON 08:00");
  }

  @Test
  void aReviewIsHeldUntilItsSendTimeThenSentOnce() {
    ReviewQueue queue = queue();
    ReviewDelivery toBerlin = delivery("M-2", BERLIN, 5);
    queue.accept(List.of(toBerlin));
    queue.flushDue();
    assertThat(sent).isEmpty();
    assertThat(queue.heldOffsets()).containsEntry(new TopicPartition("sla.alerts", 0), 5L);

    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-03-09T07:00:00Z")));
    queue.flushDue();
    assertThat(sent).containsExactly(toBerlin);
    assertThat(queue.heldOffsets()).isEmpty();

    // Redelivered after a restart: the sent log knows it went.
    queue.accept(List.of(toBerlin));
    clock.advance(Duration.ofDays(1));
    queue.flushDue();
    assertThat(sent).hasSize(1);
    assertThat(queue.size()).isZero();
  }

  @Test
  void aFailedSendIsTriedAgainThenReported() {
    ReviewQueue queue = queue();
    clock.advance(Duration.ofDays(1));
    failNext.add(SendException.retryable("SMTP server answered 451", null));
    queue.accept(List.of(delivery("M-2", BERLIN, 1)));
    queue.flushDue();
    assertThat(sent).isEmpty();
    clock.advance(ReviewQueue.RETRY_AFTER);
    queue.flushDue();
    assertThat(sent).hasSize(1);

    for (int i = 0; i < ReviewQueue.MAX_ATTEMPTS; i++) {
      failNext.add(SendException.retryable("SMTP server answered 451", null));
    }
    queue.accept(List.of(delivery("M-3", BERLIN, 2)));
    for (int i = 0; i < ReviewQueue.MAX_ATTEMPTS; i++) {
      queue.flushDue();
      clock.advance(ReviewQueue.RETRY_AFTER);
    }
    assertThat(failed).containsExactly("email: SMTP server answered 451");
    assertThat(queue.size()).isZero();
  }

  private static ReviewDelivery delivery(String manager, ZoneId zone, long offset) {
    Recipient who =
        new Recipient(
            manager, manager, Role.MANAGER, manager + "@example.com", null, "east", zone, null);
    return new ReviewDelivery(
        Reviews.east(), who, Channel.EMAIL, manager + "@example.com", Alerts.record(offset));
  }
}
