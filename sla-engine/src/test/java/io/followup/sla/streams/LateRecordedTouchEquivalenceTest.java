package io.followup.sla.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.registry.InProcessSchemaRegistryClient;
import io.followup.sla.registry.SchemaRegistry;
import io.followup.sla.replay.ReplayDriver;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaRules;
import io.followup.sla.serde.EventSerdes;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroDeserializer;
import io.followup.sla.serde.SpecificAvroSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call made an hour before its first-touch deadline but logged in the CRM two hours after it:
 * live, the engine breaches the lead at the deadline and withdraws the breach when the touch
 * arrives; replay, told when the touch was recorded, produces the same alerts at the same moments.
 */
class LateRecordedTouchEquivalenceTest {

  private static final Instant T0 = Instant.parse("2026-03-06T09:00:00Z");
  private static final Duration TICK = Duration.ofSeconds(1);

  @TempDir Path stateDir;

  private static Instant at(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  record Seen(String alertId, String kind, Instant dueAt, Instant detectedAt, boolean withdrawn) {
    static Seen of(SlaAlert a) {
      return new Seen(
          a.getAlertId(),
          a.getKind(),
          a.getDueAt(),
          a.getDetectedAt(),
          a.getSummary().contains("withdrawn"));
    }
  }

  @Test
  void replayWithRecordedAtProducesWhatLiveProduced() {
    Policy policy = PolicyLoader.builtInDefault();
    RepProfile dana =
        RepProfile.newBuilder().setRepId("R-1").setName("Dana Ortiz").setManagerId("M-1").build();
    LeadCreated created =
        LeadCreated.newBuilder()
            .setEventId("e1")
            .setLeadId("L-1")
            .setOccurredAt(T0)
            .setSource("WEBINAR")
            .setOwnerRepId("R-1")
            .build();
    RepTouched call =
        RepTouched.newBuilder()
            .setEventId("e2")
            .setLeadId("L-1")
            .setOccurredAt(at(47))
            .setRepId("R-1")
            .setChannel("CALL")
            .setDirection("OUTBOUND")
            .build();

    List<SlaAlert> live = runLive(policy, dana, created, call, at(50));
    List<SlaAlert> replayed =
        ReplayDriver.replay(
            SlaRules.standard(),
            policy,
            RepDirectory.of(Map.of("R-1", dana)),
            List.of(created, RepTouched.newBuilder(call).setRecordedAt(at(50)).build()),
            at(60));

    assertThat(live)
        .extracting(SlaAlert::getKind)
        .containsExactly("WARNING", "BREACHED", "RESOLVED");
    assertThat(replayed.stream().map(Seen::of).toList())
        .isEqualTo(live.stream().map(Seen::of).toList());
    assertThat(Seen.of(replayed.get(2)).withdrawn()).isTrue();
  }

  /** Live: the touch reaches the engine only at {@code arrival}, on its wall clock. */
  private List<SlaAlert> runLive(
      Policy policy, RepProfile rep, LeadCreated created, RepTouched touch, Instant arrival) {
    SchemaRegistryClient registry = new InProcessSchemaRegistryClient(SchemaRegistry.inMemory());
    TopicNames topics = TopicNames.DEFAULTS;
    var topology =
        SlaTopology.build(
            topics,
            EventSerdes.using(registry, true),
            SlaRules.standard(),
            new PolicyHolder(policy),
            new EngineSettings(TICK, 10_000, Duration.ofDays(7)),
            EngineListener.NONE);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "late-recorded");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    List<SlaAlert> out = new ArrayList<>();
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props, T0)) {
      TestOutputTopic<String, SlaAlert> alerts =
          driver.createOutputTopic(
              topics.alerts(),
              new StringDeserializer(),
              new SpecificAvroDeserializer<>(registry, SlaAlert.class));
      driver
          .createInputTopic(
              topics.reps(),
              new StringSerializer(),
              new SpecificAvroSerializer<RepProfile>(registry, true))
          .pipeInput(rep.getRepId(), rep, T0);
      pipe(driver, registry, topics, created, T0);
      // The scans at the warning and the deadline, then the touch as it arrives, then a last scan.
      Instant wall = T0;
      for (Instant next : List.of(at(36), at(48), arrival)) {
        driver.advanceWallClockTime(Duration.between(wall, next));
        wall = next;
      }
      pipe(driver, registry, topics, touch, arrival);
      driver.advanceWallClockTime(TICK);
      out.addAll(alerts.readValuesToList());
    }
    return out;
  }

  private static void pipe(
      TopologyTestDriver driver,
      SchemaRegistryClient registry,
      TopicNames topics,
      SpecificRecord event,
      Instant at) {
    TestInputTopic<String, SpecificRecord> input =
        driver.createInputTopic(
            topics.topicOf(event),
            new StringSerializer(),
            new SpecificAvroSerializer<SpecificRecord>(registry, true));
    input.pipeInput((String) event.get(event.getSchema().getField("leadId").pos()), event, at);
  }
}
