package io.followup.sla.connect.alerts.delivery;

import static io.followup.sla.connect.alerts.testing.Alerts.alert;
import static io.followup.sla.connect.alerts.testing.Alerts.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class DigestWindowTest {

  private static final Instant T0 = Instant.parse("2026-03-11T14:00:00Z");
  private final DigestWindow digest = new DigestWindow(Duration.ofMinutes(5));

  @Test
  void alertsToOneAddressWithinTheWindowLeaveAsOneMessageWhenItCloses() {
    digest.hold(
        delivery(alert("first-touch:L-1:1", "WARNING").build(), Channel.EMAIL, "sam@x", 10),
        T0,
        T0);
    digest.hold(
        delivery(alert("touch-cadence:L-2:1", "WARNING").build(), Channel.EMAIL, "sam@x", 11),
        T0.plusSeconds(120),
        T0.plusSeconds(120));

    assertThat(digest.due(T0.plusSeconds(299))).isEmpty();
    List<Message> due = digest.due(T0.plusSeconds(300));

    assertThat(due).hasSize(1);
    assertThat(due.get(0).deliveries()).hasSize(2);
    assertThat(due.get(0).isDigest()).isTrue();
    assertThat(digest.size()).isZero();
  }

  @Test
  void quietHoursHoldADeliveryPastTheWindowUntilTheMorning() {
    Instant morning = T0.plus(Duration.ofHours(6));
    digest.hold(
        delivery(alert("first-touch:L-1:1", "WARNING").build(), Channel.EMAIL, "sam@x", 10),
        T0,
        morning);

    assertThat(digest.due(T0.plus(Duration.ofHours(1)))).isEmpty();
    assertThat(digest.due(morning)).hasSize(1);
  }

  @Test
  void theOnCallWebhookGetsEachAlertAtOnceAndAlone() {
    digest.hold(
        delivery(alert("first-touch:L-1:1", "WARNING").build(), Channel.WEBHOOK, "https://e", 10),
        T0,
        T0);
    digest.hold(
        delivery(alert("first-touch:L-2:1", "WARNING").build(), Channel.WEBHOOK, "https://e", 11),
        T0,
        T0);

    List<Message> due = digest.due(T0);

    assertThat(due).hasSize(2).allMatch(m -> m.deliveries().size() == 1);
  }

  @Test
  void heldRecordsKeepTheirPartitionsOffsetFromBeingCommittedUntilDropped() {
    digest.hold(
        delivery(alert("first-touch:L-1:1", "WARNING").build(), Channel.EMAIL, "sam@x", 42),
        T0,
        T0);
    digest.hold(
        delivery(alert("first-touch:L-2:1", "WARNING").build(), Channel.EMAIL, "sam@x", 40),
        T0,
        T0);
    digest.hold(
        delivery(alert("first-touch:L-2:1", "WARNING").build(), Channel.EMAIL, "sam@x", 40),
        T0,
        T0);

    assertThat(digest.size()).isEqualTo(2);
    assertThat(digest.heldOffsets()).isEqualTo(Map.of(new TopicPartition("sla.alerts", 0), 40L));
    digest.drop(List.of(new TopicPartition("sla.alerts", 0)));
    assertThat(digest.heldOffsets()).isEmpty();
  }
}
