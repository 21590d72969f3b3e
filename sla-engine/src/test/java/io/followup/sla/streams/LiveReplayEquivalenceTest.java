package io.followup.sla.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.demo.DemoWorkload;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.registry.InProcessSchemaRegistryClient;
import io.followup.sla.registry.SchemaRegistry;
import io.followup.sla.replay.ReplayDriver;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaRules;
import io.followup.sla.serde.EventSerdes;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroDeserializer;
import io.followup.sla.serde.SpecificAvroSerializer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Live and replay cannot drift apart: the Kafka Streams topology, driven by its wall clock, and the
 * replay driver, in event time, produce the same alerts (ids, kinds, rules, leads, deadlines, reps,
 * policy versions) for the same generated history of about two thousand leads. Only when an alert
 * was noticed may differ: live notices on its next scan.
 */
class LiveReplayEquivalenceTest {

  private static final Instant START = Instant.parse("2026-03-06T14:00:00Z");
  private static final Duration HISTORY = Duration.ofMinutes(16);
  private static final Duration TAIL = Duration.ofMinutes(10);
  private static final Duration TICK = Duration.ofSeconds(1);

  @TempDir Path stateDir;

  /** What must agree between the drivers: everything but the moment of noticing and its wording. */
  record Essence(
      String alertId,
      String kind,
      String ruleId,
      String leadId,
      String accountId,
      Instant dueAt,
      String repId,
      String policyVersion,
      List<String> uncovered) {
    static Essence of(SlaAlert a) {
      return new Essence(
          a.getAlertId(),
          a.getKind(),
          a.getRuleId(),
          a.getLeadId(),
          a.getAccountId(),
          a.getDueAt(),
          a.getRepId(),
          a.getPolicyVersion(),
          List.copyOf(a.getUncoveredLeadIds()));
    }
  }

  @Test
  void liveAndReplayProduceTheSameAlerts() {
    Policy policy = PolicyLoader.demo();
    DemoWorkload workload =
        new DemoWorkload(
            Clock.fixed(START, ZoneOffset.UTC),
            11,
            null,
            Duration.ofMillis(200),
            Duration.ofMillis(700));
    List<SpecificRecord> script = workload.script(START, HISTORY);
    List<RepProfile> reps =
        script.stream().filter(RepProfile.class::isInstance).map(RepProfile.class::cast).toList();
    List<SpecificRecord> events = script.stream().filter(LeadEvents::isLeadEvent).toList();
    Instant end = START.plus(HISTORY).plus(TAIL);
    long leads = events.stream().map(LeadEvents::leadId).distinct().count();
    assertThat(leads).as("a history of thousands of leads").isGreaterThan(1_500);

    Map<String, RepProfile> byId = new HashMap<>();
    reps.forEach(r -> byId.put(r.getRepId(), r));
    List<SlaAlert> replayed =
        ReplayDriver.replay(SlaRules.standard(), policy, RepDirectory.of(byId), events, end);

    List<SlaAlert> live = runLive(policy, reps, events, end);

    assertThat(replayed).hasSizeGreaterThan(500);
    assertThat(replayed.stream().map(SlaAlert::getRuleId).distinct())
        .as("every rule fires in this history")
        .containsExactlyInAnyOrder(
            "first-touch",
            "unassigned",
            "follow-up-after-engagement",
            "touch-cadence",
            "buying-group-coverage");
    assertThat(live.stream().map(Essence::of).toList())
        .containsExactlyInAnyOrderElementsOf(replayed.stream().map(Essence::of).toList());
    // Live notices on a later scan: never before the replay's exact moment, and within two scan
    // intervals (one interval, plus the driver's steps not lining up with the scan schedule).
    Map<String, Instant> replayedAt = new HashMap<>();
    replayed.forEach(a -> replayedAt.put(a.getAlertId() + a.getKind(), a.getDetectedAt()));
    assertThat(live)
        .allSatisfy(
            a -> {
              Instant exact = replayedAt.get(a.getAlertId() + a.getKind());
              assertThat(Duration.between(exact, a.getDetectedAt()))
                  .isBetween(Duration.ZERO, TICK.multipliedBy(2));
            });
  }

  private List<SlaAlert> runLive(
      Policy policy, List<RepProfile> reps, List<SpecificRecord> events, Instant end) {
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
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "equivalence");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    List<SlaAlert> out = new ArrayList<>();
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props, START)) {
      TestOutputTopic<String, SlaAlert> alerts =
          driver.createOutputTopic(
              topics.alerts(),
              new StringDeserializer(),
              new SpecificAvroDeserializer<>(registry, SlaAlert.class));
      TestInputTopic<String, RepProfile> repTopic =
          driver.createInputTopic(
              topics.reps(), new StringSerializer(), new SpecificAvroSerializer<>(registry, true));
      reps.forEach(r -> repTopic.pipeInput(r.getRepId(), r, START));
      Map<String, TestInputTopic<String, SpecificRecord>> inputs = new HashMap<>();
      Instant wall = START;
      for (SpecificRecord event : events) {
        wall = advance(driver, wall, LeadEvents.occurredAt(event));
        inputs
            .computeIfAbsent(
                topics.topicOf(event),
                t ->
                    driver.createInputTopic(
                        t,
                        new StringSerializer(),
                        new SpecificAvroSerializer<SpecificRecord>(registry, true)))
            .pipeInput(LeadEvents.leadId(event), event, LeadEvents.occurredAt(event));
        alerts.readValuesToList().forEach(out::add);
      }
      advance(driver, wall, end);
      out.addAll(alerts.readValuesToList());
    }
    return out;
  }

  /** Moves the wall clock to {@code to} one tick at a time, as a running instance lives it. */
  private static Instant advance(TopologyTestDriver driver, Instant from, Instant to) {
    Instant wall = from;
    while (wall.plus(TICK).isBefore(to)) {
      driver.advanceWallClockTime(TICK);
      wall = wall.plus(TICK);
    }
    if (to.isAfter(wall)) {
      driver.advanceWallClockTime(Duration.between(wall, to));
      wall = to;
    }
    return wall;
  }
}
