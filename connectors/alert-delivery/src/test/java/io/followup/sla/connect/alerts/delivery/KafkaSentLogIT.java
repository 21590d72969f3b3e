package io.followup.sla.connect.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.DeliveryKey;
import io.followup.sla.testing.InJvmKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dedup memory on a real broker: what one task sent, another task knows. */
class KafkaSentLogIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
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

  @Test
  void aSecondTaskKnowsWhatTheFirstSentWhenItStartsAndWhenItCatchesUp() throws Exception {
    DeliveryKey first = new DeliveryKey("first-touch:L-1:1", "BREACHED", Channel.EMAIL, "R-1");
    // Ids may hold any character; the key format must keep them apart.
    DeliveryKey odd = new DeliveryKey("a|b\",[c]", "WARNING", Channel.SLACK, "R|2");
    DeliveryKey later = new DeliveryKey("first-touch:L-1:1", "RESOLVED", Channel.EMAIL, "R-1");

    try (KafkaSentLog one = KafkaSentLog.open("deliveries", clients(), TIMEOUT)) {
      one.record(List.of(first, odd), NOW);
      try (KafkaSentLog two = KafkaSentLog.open("deliveries", clients(), TIMEOUT)) {
        assertThat(two.sent(first)).isTrue();
        assertThat(two.sent(odd)).isTrue();
        assertThat(two.sent(later)).isFalse();
        assertThat(two.sentFor("first-touch:L-1:1")).containsExactly(first);

        one.record(List.of(later), NOW);
        two.catchUp();

        assertThat(two.sent(later)).isTrue();
        assertThat(two.size()).isEqualTo(3);
      }
    }
  }

  @Test
  void theTopicItCreatesIsCompacted() throws Exception {
    try (KafkaSentLog log = KafkaSentLog.open("deliveries-compacted", clients(), TIMEOUT);
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
