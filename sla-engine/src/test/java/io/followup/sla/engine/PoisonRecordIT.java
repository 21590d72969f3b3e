package io.followup.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.followup.sla.config.EngineConfig;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.streams.DeadLetters;
import io.followup.sla.streams.EventPublisher;
import io.followup.sla.streams.TopicNames;
import io.followup.sla.testing.InJvmKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A poison record never stops a partition, and readiness tells the truth, on a real broker whose
 * dead-letter topic takes less than the event topics: an undecodable record that fits its own topic
 * but not the dead-letter topic is dead-lettered without its value, and later leads still alert;
 * with the broker gone, {@code /health/ready} says so although Kafka Streams says RUNNING.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoisonRecordIT {

  /** The dead-letter topic's own limit: below the 1 MiB the event topics take. */
  private static final int DEAD_LETTER_TOPIC_MAX = 100_000;

  private static final TopicNames TOPICS = TopicNames.DEFAULTS;

  private static EngineOnBroker broker;
  private static InJvmKafka kafka;
  private static SlaEngine engine;
  private static EventPublisher publisher;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    broker = EngineOnBroker.start();
    kafka = broker.kafka();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(TOPICS.deadLetters(), 1, (short) 1)
                      .configs(
                          Map.of(
                              TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                              Integer.toString(DEAD_LETTER_TOPIC_MAX)))))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    engine =
        broker.startEngine(
            EngineConfig.of(broker.settings(dir.resolve("data"), "poison")),
            new PolicyHolder(
                PolicyLoader.parse(
                    """
                    policyId: poison
                    version: "p-1"
                    rules:
                      first-touch:
                        sla: PT2S
                    """,
                    "poison")),
            new SimpleMeterRegistry());
    publisher = broker.publisher();
  }

  @AfterAll
  static void stop() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  @Order(1)
  void aRecordTooLargeForTheDeadLetterTopicLeavesItsValueOutAndLaterLeadsStillAlert()
      throws Exception {
    byte[] poison = new byte[300_000];
    Arrays.fill(poison, (byte) 'x');
    try (KafkaProducer<byte[], byte[]> raw =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      raw.send(
              new ProducerRecord<>(
                  TOPICS.leadCreated(), "L-poison".getBytes(StandardCharsets.UTF_8), poison))
          .get(30, TimeUnit.SECONDS);
    }
    publisher.sendAndWait(lead("L-after"), 30, TimeUnit.SECONDS);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                readAlerts().stream()
                    .anyMatch(
                        a -> a.getLeadId().equals("L-after") && a.getKind().equals("BREACHED")));

    List<ConsumerRecord<byte[], byte[]>> letters = readDeadLetters();
    assertThat(letters).hasSize(1);
    ConsumerRecord<byte[], byte[]> letter = letters.get(0);
    assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("L-poison");
    assertThat(letter.value()).isNull();
    assertThat(text(letter.headers().lastHeader(DeadLetters.REASON))).startsWith("undecodable");
    assertThat(text(letter.headers().lastHeader(DeadLetters.DROPPED)))
        .startsWith("the value (300000 bytes) left out")
        .contains("under " + DEAD_LETTER_TOPIC_MAX + " bytes");
    assertThat(engine.whyNotReady()).isEmpty();
  }

  @Test
  @Order(2)
  void readinessSaysNotReadyOnceTheBrokerIsGoneThoughStreamsStillSaysRunning() {
    assertThat(engine.whyNotReady()).isEmpty();
    kafka.cluster().brokers().values().forEach(broker -> broker.shutdown());

    await().atMost(Duration.ofSeconds(60)).until(() -> engine.whyNotReady().isPresent());
    assertThat(engine.whyNotReady().orElseThrow())
        .satisfiesAnyOf(
            why -> assertThat(why).startsWith("the Kafka cluster has not answered for"),
            why -> assertThat(why).startsWith("the Streams instance is"));
  }

  private static LeadCreated lead(String leadId) {
    return LeadCreated.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setLeadId(leadId)
        .setOccurredAt(Instant.now())
        .setSource("INBOUND_FORM")
        .setOwnerRepId("R-DANA")
        .build();
  }

  private static List<SlaAlert> readAlerts() {
    return broker.readAlerts(TOPICS, Duration.ofSeconds(2));
  }

  private static List<ConsumerRecord<byte[], byte[]>> readDeadLetters() {
    return broker.readDeadLetters(Duration.ofSeconds(3));
  }

  private static String text(Header header) {
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
