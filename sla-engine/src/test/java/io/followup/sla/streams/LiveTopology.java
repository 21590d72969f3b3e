package io.followup.sla.streams;

import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.SlaPolicy;
import io.followup.sla.events.TeamWeeklyReview;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.registry.InProcessSchemaRegistryClient;
import io.followup.sla.registry.SchemaRegistry;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.SlaRules;
import io.followup.sla.serde.EventSerdes;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroDeserializer;
import io.followup.sla.serde.SpecificAvroSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

/**
 * The engine's whole topology under {@link TopologyTestDriver}, fed as its topics would be (lead
 * events, rep profiles, published policies, each on its own topic) on a wall clock the test moves:
 * the live side of the tests that hold live and replay to the same alerts.
 */
public final class LiveTopology implements AutoCloseable {

  private final SchemaRegistryClient registry =
      new InProcessSchemaRegistryClient(SchemaRegistry.inMemory());
  private final TopicNames topics = TopicNames.DEFAULTS;
  private final TopologyTestDriver driver;
  private final TestOutputTopic<String, SlaAlert> alerts;
  private final TestOutputTopic<String, TeamWeeklyReview> reviews;
  private final Map<String, TestInputTopic<String, SpecificRecord>> inputs = new HashMap<>();
  private final List<SlaAlert> out = new ArrayList<>();
  private Instant wall;

  public LiveTopology(Policy policy, EngineSettings settings, Path stateDir, Instant start) {
    var topology =
        SlaTopology.build(
            topics,
            EventSerdes.using(registry, true),
            SlaRules.standard(),
            new PolicyHolder(policy),
            settings,
            EngineListener.NONE);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "live-topology");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(topology, props, start);
    alerts =
        driver.createOutputTopic(
            topics.alerts(),
            new StringDeserializer(),
            new SpecificAvroDeserializer<>(registry, SlaAlert.class));
    reviews =
        driver.createOutputTopic(
            topics.weeklyReviews(),
            new StringDeserializer(),
            new SpecificAvroDeserializer<>(registry, TeamWeeklyReview.class));
    wall = start;
  }

  /** The driver, for a test that reads the engine's stores as the query side does. */
  public TopologyTestDriver driver() {
    return driver;
  }

  /** Pipes one record to its topic, keyed as its producers key it, with {@code at} as its time. */
  public void pipe(SpecificRecord record, Instant at) {
    String topic;
    String key;
    if (record instanceof RepProfile rep) {
      topic = topics.reps();
      key = rep.getRepId();
    } else if (record instanceof SlaPolicy published) {
      topic = topics.policies();
      key = published.getPolicyId();
    } else {
      topic = topics.topicOf(record);
      key = LeadEvents.leadId(record);
    }
    inputs
        .computeIfAbsent(
            topic,
            t ->
                driver.createInputTopic(
                    t,
                    new StringSerializer(),
                    new SpecificAvroSerializer<SpecificRecord>(registry, true)))
        .pipeInput(key, record, at);
    out.addAll(alerts.readValuesToList());
  }

  /** Moves the wall clock to {@code to} in one step: one scan there. */
  void jumpTo(Instant to) {
    if (to.isAfter(wall)) {
      driver.advanceWallClockTime(Duration.between(wall, to));
      wall = to;
    }
    out.addAll(alerts.readValuesToList());
  }

  /** Moves the wall clock to {@code to} one tick at a time, as a running instance lives it. */
  void advanceTo(Instant to, Duration tick) {
    while (wall.plus(tick).isBefore(to)) {
      driver.advanceWallClockTime(tick);
      wall = wall.plus(tick);
    }
    jumpTo(to);
  }

  Instant wallClock() {
    return wall;
  }

  /** Every alert the topology has published so far, in order. */
  List<SlaAlert> alerts() {
    out.addAll(alerts.readValuesToList());
    return List.copyOf(out);
  }

  /** The weekly reviews published since the last call, keyed by team. */
  List<org.apache.kafka.streams.test.TestRecord<String, TeamWeeklyReview>> reviews() {
    return reviews.readRecordsToList();
  }

  @Override
  public void close() {
    driver.close();
  }
}
