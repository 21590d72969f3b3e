package io.followup.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.followup.sla.config.EngineConfig;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.streams.EventPublisher;
import io.followup.sla.streams.TopicNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-topic order on a real broker with the engine's own settings: a DISQUALIFIED that reaches
 * the broker moments before its lead's LeadCreated, but happened hours after it, is applied after
 * it, as replay applies them. In that order the lead's first touch was overdue before it was
 * disqualified, so it breached; applied the other way round the lead would be closed before it
 * existed and nothing would be said.
 */
class CrossTopicOrderIT {

  private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private static EngineOnBroker broker;
  private static EventPublisher publisher;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    broker = EngineOnBroker.start();
    Map<String, String> settings = broker.settings(dir.resolve("data"), "order");
    // One partition a topic: every lead meets on the one task.
    settings.put(EngineConfig.TOPIC_PARTITIONS, "1");
    broker.startEngine(
        EngineConfig.of(settings),
        new PolicyHolder(
            PolicyLoader.parse(
                """
                policyId: order
                version: "o-1"
                rules:
                  first-touch:
                    sla: PT1H
                """,
                "order")),
        meters);
    publisher = broker.publisher();
  }

  @AfterAll
  static void stop() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aDisqualifiedThatArrivesFirstButHappenedLaterIsAppliedAfterItsLeadCreated()
      throws Exception {
    Instant now = Instant.now();
    // Traffic on the lead-created topic just before, as on a busy day: the task has just seen
    // that topic run empty, which is when it waits for it.
    publisher.sendAndWait(created("L-busy", now), 30, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(30)).until(() -> applied("LeadCreated") >= 1);

    publisher.sendAndWait(
        LeadStatusChanged.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setLeadId("L-late")
            .setOccurredAt(now)
            .setStatus("DISQUALIFIED")
            .build(),
        30,
        TimeUnit.SECONDS);
    Thread.sleep(300);
    // Created three hours ago, so its 1-hour first touch was overdue when it was disqualified.
    publisher.sendAndWait(created("L-late", now.minus(Duration.ofHours(3))), 30, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(30)).until(() -> applied("LeadStatusChanged") >= 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(alerts())
                    .filteredOn(a -> a.getLeadId().equals("L-late"))
                    .extracting(SlaAlert::getKind)
                    .contains("BREACHED"));
  }

  private static double applied(String type) {
    return meters.get("sla.events.applied").tag("type", type).counter().count();
  }

  private static LeadCreated created(String leadId, Instant at) {
    return LeadCreated.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setLeadId(leadId)
        .setOccurredAt(at)
        .setSource("INBOUND_FORM")
        .setOwnerRepId("R-DANA")
        .build();
  }

  private static List<SlaAlert> alerts() {
    return broker.readAlerts(TopicNames.DEFAULTS, Duration.ofSeconds(2));
  }
}
