package io.followup.sla.connect.alerts.delivery;

import static io.followup.sla.connect.alerts.testing.Alerts.alert;
import static io.followup.sla.connect.alerts.testing.Alerts.delivery;
import static io.followup.sla.connect.alerts.testing.Alerts.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.connect.alerts.routing.Recipient;
import io.followup.sla.connect.alerts.routing.Role;
import io.followup.sla.connect.alerts.testing.Alerts;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.testing.InJvmKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dedup memory on a real broker: what one task sent, another task knows. */
class KafkaSentLogIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RETENTION = Duration.ofDays(14);
  private static final Instant NOW = Instant.parse("2026-03-11T14:00:00Z");
  private static InJvmKafka kafka;

  @BeforeAll
  static void start() throws Exception {
    kafka = InJvmKafka.start();
  }

  @AfterAll
  static void stop() throws Exception {
    kafka.close();
  }

  private static Map<String, Object> clients() {
    return Map.of("bootstrap.servers", kafka.bootstrapServers());
  }

  private static KafkaSentLog open(String topic) {
    return KafkaSentLog.open(topic, clients(), TIMEOUT, RETENTION);
  }

  @Test
  void aSecondTaskKnowsWhatTheFirstSentWhenItStartsAndWhenItCatchesUp() throws Exception {
    Delivery first =
        delivery(alert("first-touch:L-1:1", "BREACHED").build(), Channel.EMAIL, "sam@x", 4);
    // Ids may hold any character; the key format must keep them apart.
    Delivery odd =
        new Delivery(
            alert("first-touch:a|b\",[c]", "WARNING").build(),
            "WARNING",
            new Recipient("R|2", "Odd", Role.RECIPIENT, null, null, null, Alerts.NEW_YORK, null),
            Channel.SLACK,
            "https://hooks.example.com/x",
            "Sam Patel",
            "Dana Lee",
            Alerts.NEW_YORK,
            record(5));
    Delivery later =
        delivery(alert("first-touch:L-1:1", "RESOLVED").build(), Channel.EMAIL, "sam@x", 9);

    try (KafkaSentLog one = open("deliveries")) {
      one.record(List.of(first, odd), NOW);
      try (KafkaSentLog two = open("deliveries")) {
        assertThat(two.sent(first.key())).isTrue();
        assertThat(two.sent(odd.key())).isTrue();
        assertThat(two.sent(later.key())).isFalse();
        assertThat(two.sentFor("first-touch:L-1:1")).containsExactly(first.key());
        // What a restarted task rebuilds reminders from: the alert, when, and its partition.
        SentEntry entry =
            two.entries().stream().filter(e -> e.key().equals(first.key())).findFirst().get();
        assertThat(entry.alert()).isEqualTo(first.alert());
        assertThat(entry.sentAt()).isEqualTo(NOW);
        assertThat(entry.origin()).isEqualTo(new TopicPartition("sla.alerts", 0));

        one.record(List.of(later), NOW);
        two.catchUp();

        assertThat(two.sent(later.key())).isTrue();
        assertThat(two.size()).isEqualTo(3);
      }
    }
  }

  @Test
  void aReminderSentWithoutASourceRecordBelongsToItsAlertsPartitionAfterARestart() {
    SlaAlert breach = alert("first-touch:L-1:1", "BREACHED").build();
    Delivery d = delivery(breach, Channel.EMAIL, "sam@x", 4);
    try (KafkaSentLog one = open("deliveries-reminders")) {
      one.record(List.of(d), NOW);
      one.record(List.of(d.asReminder(1, null)), NOW.plusSeconds(60));
    }
    try (KafkaSentLog two = open("deliveries-reminders")) {
      assertThat(two.entries())
          .extracting(e -> e.key().kind(), SentEntry::origin)
          .containsExactly(
              tuple("BREACHED", new TopicPartition("sla.alerts", 0)),
              tuple("REMINDER-1", new TopicPartition("sla.alerts", 0)));
    }
  }

  @Test
  void notesSurviveARestartAndAResolvedAlertIsTombstonedOnlyAfterTheRetention() {
    SlaAlert breach = alert("first-touch:L-1:1", "BREACHED").build();
    SlaAlert resolved = alert("first-touch:L-1:1", "RESOLVED").build();
    SlaAlert open = alert("first-touch:L-2:1", "BREACHED").setLeadId("L-2").build();
    SlaAlert warning = alert("touch-cadence:L-3:1", "WARNING").setLeadId("L-3").build();
    try (KafkaSentLog one = open("deliveries-retention")) {
      one.note(breach, record(1), NOW);
      one.record(List.of(delivery(breach, Channel.EMAIL, "sam@x", 1)), NOW);
      one.note(open, record(2), NOW);
      one.record(List.of(delivery(open, Channel.EMAIL, "sam@x", 2)), NOW);
      one.record(List.of(delivery(warning, Channel.EMAIL, "sam@x", 3)), NOW);
      one.note(resolved, record(4), NOW.plusSeconds(3600));
      one.record(List.of(delivery(resolved, Channel.EMAIL, "sam@x", 4)), NOW.plusSeconds(3600));
      one.flush();
    }
    try (KafkaSentLog two = open("deliveries-retention")) {
      assertThat(two.notes())
          .extracting(AlertNote::alertId, AlertNote::kind, AlertNote::leadId)
          .containsExactlyInAnyOrder(
              tuple("first-touch:L-1:1", "BREACHED", "L-1"),
              tuple("first-touch:L-2:1", "BREACHED", "L-2"),
              tuple("first-touch:L-1:1", "RESOLVED", "L-1"));

      // A day short of the retention after the resolution: everything stays.
      assertThat(two.expireIfDue(NOW.plusSeconds(3600).plus(RETENTION).minusSeconds(86_400)))
          .isZero();
      two.expireNow();
      // Past it: the resolved alert and the old warning go; the open breach stays.
      assertThat(two.expireIfDue(NOW.plusSeconds(3601).plus(RETENTION))).isEqualTo(2);
      assertThat(two.sentFor("first-touch:L-1:1")).isEmpty();
    }
    try (KafkaSentLog three = open("deliveries-retention")) {
      assertThat(three.entries())
          .extracting(e -> e.key().alertId())
          .containsExactly("first-touch:L-2:1");
      assertThat(three.notes()).extracting(AlertNote::alertId).containsExactly("first-touch:L-2:1");
    }
  }

  @Test
  void theTopicItCreatesIsCompacted() throws Exception {
    try (KafkaSentLog log = open("deliveries-compacted");
        Admin admin = Admin.create(clients())) {
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "deliveries-compacted");
      String policy =
          admin
              .describeConfigs(List.of(topic))
              .all()
              .get()
              .get(topic)
              .get(TopicConfig.CLEANUP_POLICY_CONFIG)
              .value();
      assertThat(policy).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }
  }
}
