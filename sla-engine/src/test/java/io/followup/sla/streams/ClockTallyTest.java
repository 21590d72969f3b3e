package io.followup.sla.streams;

import static io.followup.sla.rules.TestEvents.T0;
import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.h;
import static io.followup.sla.rules.TestEvents.status;
import static io.followup.sla.rules.TestEvents.touch;
import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.policy.RuleId;
import io.followup.sla.registry.InProcessSchemaRegistryClient;
import io.followup.sla.registry.SchemaRegistry;
import io.followup.sla.rules.ClockStage;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.SlaClock;
import io.followup.sla.rules.SlaRules;
import io.followup.sla.serde.EventSerdes;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open-clock counts behind the gauges: kept with the clocks, published, withdrawn. */
class ClockTallyTest {

  @TempDir Path stateDir;

  /** What the listener was last told, per task. */
  private final Map<String, ClockCounts> published = new ConcurrentHashMap<>();

  private final EngineListener listener =
      new EngineListener() {
        @Override
        public void openClocks(String owner, ClockCounts counts) {
          published.put(owner, counts);
        }

        @Override
        public void openClocksDropped(String owner) {
          published.remove(owner);
        }
      };

  @Test
  void theCountsFollowEachClockThroughItsStagesAndAreWithdrawnWhenTheTaskCloses() {
    SchemaRegistryClient registry = new InProcessSchemaRegistryClient(SchemaRegistry.inMemory());
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "tally-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    TopologyTestDriver driver =
        new TopologyTestDriver(
            SlaTopology.build(
                TopicNames.DEFAULTS,
                EventSerdes.using(registry, true),
                SlaRules.standard(),
                new PolicyHolder(PolicyLoader.builtInDefault()),
                EngineSettings.DEFAULTS,
                listener),
            props,
            T0);
    try {
      assertThat(total()).isEqualTo(ClockCounts.NONE);
      send(driver, registry, created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"));
      send(driver, registry, created("L-2", h(0), "WEBINAR", "WARM", null));
      assertThat(count(RuleId.FIRST_TOUCH, ClockStage.RUNNING)).isEqualTo(1);
      assertThat(count(RuleId.UNASSIGNED, ClockStage.RUNNING)).isEqualTo(1);
      // Two open leads of one account: a buying group, counted by the account's task.
      assertThat(count(RuleId.BUYING_GROUP_COVERAGE, ClockStage.RUNNING)).isEqualTo(1);

      // The default policy breaches unassigned at 4h and escalates it at 12h; it warns first-touch
      // at 36h.
      driver.advanceWallClockTime(h(5));
      assertThat(count(RuleId.UNASSIGNED, ClockStage.BREACHED)).isEqualTo(1);
      driver.advanceWallClockTime(h(32));
      assertThat(count(RuleId.FIRST_TOUCH, ClockStage.WARNED)).isEqualTo(1);
      assertThat(count(RuleId.FIRST_TOUCH, ClockStage.RUNNING)).isZero();
      assertThat(count(RuleId.UNASSIGNED, ClockStage.BREACHED)).isZero();
      assertThat(count(RuleId.UNASSIGNED, ClockStage.ESCALATED)).isEqualTo(1);

      send(driver, registry, touch("L-1", h(37), "R-DANA"));
      send(driver, registry, status("L-2", h(37), "DISQUALIFIED", null));
      // The touch met first-touch and started the cadence; with L-2 gone the account has one
      // open lead, no buying group, so its coverage clock stopped.
      assertThat(total())
          .isEqualTo(ClockCounts.NONE.plus(RuleId.TOUCH_CADENCE, ClockStage.RUNNING, 1));
      assertThat(published).as("one lead task and one account task").hasSize(2);
    } finally {
      driver.close();
    }
    assertThat(published).isEmpty();
  }

  @Test
  void eachOpeningCountsTheClocksTheStatesHoldThenFollowsTheChanges() {
    KeyValueStore<String, LeadState> leads = store("leads", StateSerdes.leads());
    leads.put("L-1", lead("L-1", clock(RuleId.FIRST_TOUCH, ClockStage.WARNED)));
    leads.put(
        "L-2",
        lead(
            "L-2",
            clock(RuleId.FIRST_TOUCH, ClockStage.RUNNING),
            clock(RuleId.UNASSIGNED, ClockStage.BREACHED)));

    ClockTally tally = new ClockTally("lead-rules/0_0", listener);
    tally.open(leads, s -> s.getClocks().values());
    ClockCounts expected =
        ClockCounts.NONE
            .plus(RuleId.FIRST_TOUCH, ClockStage.WARNED, 1)
            .plus(RuleId.FIRST_TOUCH, ClockStage.RUNNING, 1)
            .plus(RuleId.UNASSIGNED, ClockStage.BREACHED, 1);
    assertThat(published.get("lead-rules/0_0")).isEqualTo(expected);

    tally.change(
        List.of(clock(RuleId.FIRST_TOUCH, ClockStage.WARNED)),
        List.of(clock(RuleId.FIRST_TOUCH, ClockStage.BREACHED)));
    assertThat(published.get("lead-rules/0_0"))
        .isEqualTo(
            expected
                .plus(RuleId.FIRST_TOUCH, ClockStage.WARNED, -1)
                .plus(RuleId.FIRST_TOUCH, ClockStage.BREACHED, 1));
    tally.close();
    assertThat(published).isEmpty();

    // Opened again (a restart, the task moved here): counted from the states as they are now, not
    // from what the last tally saw.
    leads.delete("L-2");
    ClockTally reopened = new ClockTally("lead-rules/0_0", listener);
    reopened.open(leads, s -> s.getClocks().values());
    assertThat(published.get("lead-rules/0_0"))
        .isEqualTo(ClockCounts.NONE.plus(RuleId.FIRST_TOUCH, ClockStage.WARNED, 1));
  }

  private ClockCounts total() {
    ClockCounts sum = ClockCounts.NONE;
    for (ClockCounts c : published.values()) {
      for (RuleId rule : RuleId.values()) {
        for (ClockStage stage : ClockStage.values()) {
          sum = sum.plus(rule, stage, c.get(rule, stage));
        }
      }
    }
    return sum;
  }

  private long count(RuleId rule, ClockStage stage) {
    return total().get(rule, stage);
  }

  private static void send(
      TopologyTestDriver driver, SchemaRegistryClient registry, SpecificRecord event) {
    driver
        .createInputTopic(
            TopicNames.DEFAULTS.topicOf(event),
            new StringSerializer(),
            new SpecificAvroSerializer<SpecificRecord>(registry, true))
        .pipeInput(LeadEvents.leadId(event), event, LeadEvents.occurredAt(event));
  }

  private static <V> KeyValueStore<String, V> store(
      String name, org.apache.kafka.common.serialization.Serde<V> values) {
    KeyValueStore<String, V> store =
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
            .withLoggingDisabled()
            .build();
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
    return store;
  }

  private static LeadState lead(String leadId, SlaClock... clocks) {
    LeadState.Builder state = LeadState.builder(leadId);
    for (SlaClock clock : clocks) {
      state.putClock(clock);
    }
    return state.build();
  }

  private static SlaClock clock(RuleId rule, ClockStage stage) {
    Instant start = T0;
    return new SlaClock(
        rule, start, null, start.plus(Duration.ofHours(1)), null, "R-DANA", "v1", stage, "a-1");
  }
}
