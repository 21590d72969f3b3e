package io.followup.sla.connect.alerts.delivery;

import static io.followup.sla.connect.alerts.testing.Alerts.alert;
import static io.followup.sla.connect.alerts.testing.Alerts.record;
import static io.followup.sla.connect.alerts.testing.Alerts.rep;
import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.connect.alerts.channel.SendException;
import io.followup.sla.connect.alerts.channel.Sender;
import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.ChannelTargets;
import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.connect.alerts.routing.Message;
import io.followup.sla.connect.alerts.routing.RouteRules;
import io.followup.sla.connect.alerts.routing.Router;
import io.followup.sla.connect.alerts.testing.TestClock;
import io.followup.sla.events.RepProfile;
import io.followup.sla.time.WorkingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class DeliveryPipelineTest {

  // Wed Mar 11 2026, 10:00 in New York: working time for the reps below.
  private final TestClock clock = new TestClock(Instant.parse("2026-03-11T14:00:00Z"));
  private final SentIndex sent = new SentIndex();
  private final List<Message> emailed = new ArrayList<>();
  private final List<String> deadLetters = new ArrayList<>();
  private boolean emailDown;

  private final Sender email =
      message -> {
        if (emailDown) {
          throw SendException.permanent("SMTP server answered 550", null);
        }
        emailed.add(message);
      };

  private DeliveryPipeline pipeline(Duration digestWindow, Duration repeat) {
    Map<String, RepProfile> reps =
        Map.of("R-1", rep("R-1", "Sam Patel", "M-1"), "M-1", rep("M-1", "Dana Lee", null));
    Router router =
        new Router(
            id -> Optional.ofNullable(reps.get(id)),
            RouteRules.defaults(),
            new ChannelTargets(Set.of(Channel.EMAIL), null, null, Map.of(), null, Map.of(), null),
            sent,
            ZoneOffset.UTC);
    return new DeliveryPipeline(
        router,
        new Inhibition(),
        new Silences(List.of()),
        sent,
        new QuietHours(true, WorkingHours.parse("MON-FRI 09:00-17:00")),
        new DigestWindow(digestWindow),
        new RepeatReminders(repeat),
        Map.of(Channel.EMAIL, email),
        new Retry(1, Duration.ZERO, Duration.ZERO, clock),
        new RateLimit(Map.of(), clock, clock),
        (Delivery d, String reason) -> deadLetters.add(d.kind() + " " + reason),
        clock);
  }

  @Test
  void aReplayedAlertIsNotSentAgain() {
    DeliveryPipeline pipeline = pipeline(Duration.ZERO, Duration.ZERO);
    pipeline.accept(alert("first-touch:L-1:1", "WARNING").build(), record(1));
    pipeline.flushDue();
    pipeline.accept(alert("first-touch:L-1:1", "WARNING").build(), record(1));
    pipeline.flushDue();

    assertThat(emailed).hasSize(1);
    assertThat(sent.size()).isEqualTo(1);
  }

  @Test
  void alertsInTheDigestWindowGoAsOneMailAndHoldTheirOffsetsUntilThen() {
    DeliveryPipeline pipeline = pipeline(Duration.ofMinutes(5), Duration.ZERO);
    pipeline.accept(alert("first-touch:L-1:1", "WARNING").build(), record(7));
    clock.advance(Duration.ofMinutes(2));
    pipeline.accept(alert("touch-cadence:L-2:1", "WARNING").setLeadId("L-2").build(), record(8));
    pipeline.flushDue();
    assertThat(emailed).isEmpty();
    assertThat(pipeline.heldOffsets()).containsEntry(new TopicPartition("sla.alerts", 0), 7L);

    clock.advance(Duration.ofMinutes(3));
    pipeline.flushDue();

    assertThat(emailed).hasSize(1);
    assertThat(emailed.get(0).deliveries()).hasSize(2);
    assertThat(pipeline.heldOffsets()).isEmpty();
  }

  @Test
  void aNightsAlertsWaitForTheMorningAndLeaveTogether() {
    clock.advance(Duration.ofHours(12)); // 22:00 in New York
    DeliveryPipeline pipeline = pipeline(Duration.ZERO, Duration.ZERO);
    pipeline.accept(alert("first-touch:L-1:1", "WARNING").build(), record(1));
    clock.advance(Duration.ofHours(4));
    pipeline.accept(alert("first-touch:L-2:1", "WARNING").setLeadId("L-2").build(), record(2));
    pipeline.flushDue();
    assertThat(emailed).isEmpty();

    clock.advance(Duration.ofHours(7)); // 09:00 in New York
    pipeline.flushDue();

    assertThat(emailed).hasSize(1);
    assertThat(emailed.get(0).deliveries()).hasSize(2);
  }

  @Test
  void aDeliveryThatFailsGoesToTheDeadLetterQueueWithItsReason() {
    emailDown = true;
    DeliveryPipeline pipeline = pipeline(Duration.ZERO, Duration.ZERO);
    pipeline.accept(alert("first-touch:L-1:1", "BREACHED").build(), record(3));
    pipeline.flushDue();

    assertThat(deadLetters)
        .containsExactly(
            "BREACHED email: SMTP server answered 550", "BREACHED email: SMTP server answered 550");
    assertThat(sent.size()).isZero();
    assertThat(pipeline.held()).isZero();
  }

  @Test
  void anUnresolvedBreachIsRemindedEachIntervalUntilResolved() {
    DeliveryPipeline pipeline = pipeline(Duration.ZERO, Duration.ofHours(2));
    pipeline.accept(alert("first-touch:L-1:1", "BREACHED").build(), record(1));
    pipeline.flushDue();
    assertThat(emailed).hasSize(2); // rep and manager

    clock.advance(Duration.ofHours(2));
    pipeline.flushDue();
    assertThat(emailed).hasSize(4);
    assertThat(emailed.get(2).deliveries().get(0).kind()).isEqualTo("REMINDER-1");

    pipeline.accept(alert("first-touch:L-1:1", "RESOLVED").build(), record(2));
    pipeline.flushDue();
    clock.advance(Duration.ofHours(2));
    pipeline.flushDue();
    assertThat(emailed).hasSize(6); // two RESOLVED, no second reminder
    assertThat(emailed.subList(4, 6))
        .allMatch(m -> m.deliveries().get(0).kind().equals("RESOLVED"));
  }

  private static final TopicPartition ALERTS_0 = new TopicPartition("sla.alerts", 0);

  /**
   * A restart: a new pipeline (new reminders, new inhibition, nothing held) over the same durable
   * log, given the partition its alerts came from.
   */
  private DeliveryPipeline restarted(Duration repeat, List<TopicPartition> given) {
    DeliveryPipeline fresh = pipeline(Duration.ZERO, repeat);
    fresh.restore(given);
    return fresh;
  }

  private List<String> kindsEmailedSince(int from) {
    return emailed.subList(from, emailed.size()).stream()
        .map(m -> m.deliveries().get(0).kind() + " to " + m.recipient().id())
        .toList();
  }

  @Test
  void afterARestartAnOpenBreachIsRemindedOnScheduleAndStillMutesItsLeadsCadenceAlerts() {
    DeliveryPipeline before = pipeline(Duration.ZERO, Duration.ofHours(2));
    before.accept(alert("first-touch:L-1:1", "BREACHED").build(), record(1));
    before.flushDue();
    clock.advance(Duration.ofHours(2));
    before.flushDue();
    assertThat(kindsEmailedSince(0))
        .containsExactlyInAnyOrder(
            "BREACHED to R-1", "BREACHED to M-1", "REMINDER-1 to R-1", "REMINDER-1 to M-1");

    clock.advance(Duration.ofMinutes(30));
    DeliveryPipeline after = restarted(Duration.ofHours(2), List.of(ALERTS_0));
    assertThat(after.reminders()).isEqualTo(2);

    // The lead's cadence alert is muted as before the restart.
    after.accept(alert("touch-cadence:L-1:1", "WARNING").build(), record(2));
    after.flushDue();
    assertThat(emailed).hasSize(4);

    // The next reminder is the second, two hours after the first, not sooner and not the first.
    clock.advance(Duration.ofMinutes(89));
    after.flushDue();
    assertThat(emailed).hasSize(4);
    clock.advance(Duration.ofMinutes(1));
    after.flushDue();
    assertThat(kindsEmailedSince(4))
        .containsExactlyInAnyOrder("REMINDER-2 to R-1", "REMINDER-2 to M-1");
    assertThat(emailed.get(4).deliveries().get(0).alert().getSummary())
        .isEqualTo(alert("first-touch:L-1:1", "BREACHED").build().getSummary());
  }

  @Test
  void aBreachResolvedBeforeTheRestartIsNeitherRemindedNorInhibiting() {
    DeliveryPipeline before = pipeline(Duration.ZERO, Duration.ofHours(2));
    before.accept(alert("first-touch:L-1:1", "BREACHED").build(), record(1));
    before.flushDue();
    before.accept(alert("first-touch:L-1:1", "RESOLVED").build(), record(2));
    before.flushDue();
    assertThat(emailed).hasSize(4);

    DeliveryPipeline after = restarted(Duration.ofHours(2), List.of(ALERTS_0));
    assertThat(after.reminders()).isZero();
    after.accept(alert("touch-cadence:L-1:1", "WARNING").build(), record(3));
    clock.advance(Duration.ofHours(3));
    after.flushDue();
    assertThat(kindsEmailedSince(4)).containsExactly("WARNING to R-1");
  }

  @Test
  void aBreachNobodyWasToldOfStillInhibitsAfterARestartThroughItsNote() {
    DeliveryPipeline before = pipeline(Duration.ZERO, Duration.ofHours(2));
    // Nobody is told (no channel reaches anyone), yet the breach is open.
    emailDown = true;
    before.accept(alert("first-touch:L-1:1", "BREACHED").build(), record(1));
    before.flushDue();
    emailDown = false;
    assertThat(emailed).isEmpty();

    DeliveryPipeline after = restarted(Duration.ofHours(2), List.of(ALERTS_0));
    after.accept(alert("touch-cadence:L-1:1", "WARNING").build(), record(2));
    after.flushDue();
    assertThat(emailed).isEmpty();
  }

  @Test
  void aTaskRebuildsOnlyThePartitionsItIsGivenAndForgetsThoseTakenAway() {
    DeliveryPipeline before = pipeline(Duration.ZERO, Duration.ofHours(2));
    before.accept(alert("first-touch:L-1:1", "BREACHED").build(), record(1));
    before.flushDue();

    DeliveryPipeline other =
        restarted(Duration.ofHours(2), List.of(new TopicPartition("sla.alerts", 1)));
    assertThat(other.reminders()).isZero();
    other.accept(alert("touch-cadence:L-1:1", "WARNING").build(), record(2));
    other.flushDue();
    assertThat(kindsEmailedSince(2)).containsExactly("WARNING to R-1");

    DeliveryPipeline owner = restarted(Duration.ofHours(2), List.of(ALERTS_0));
    assertThat(owner.reminders()).isEqualTo(2);
    owner.drop(List.of(ALERTS_0));
    assertThat(owner.reminders()).isZero();
    clock.advance(Duration.ofHours(3));
    owner.flushDue();
    assertThat(emailed).hasSize(3);
  }
}
