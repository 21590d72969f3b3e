package io.followup.sla.streams;

import static io.followup.sla.rules.TestEvents.T0;
import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.h;
import static io.followup.sla.rules.TestEvents.status;
import static io.followup.sla.rules.TestEvents.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.registry.InProcessSchemaRegistryClient;
import io.followup.sla.registry.SchemaRegistry;
import io.followup.sla.rules.Deadline;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.SlaRules;
import io.followup.sla.serde.EventSerdes;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SchemaRegistryClientException;
import io.followup.sla.serde.SpecificAvroDeserializer;
import io.followup.sla.serde.SpecificAvroSerializer;
import io.followup.sla.testing.CapturedLogs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live driver with a mocked wall clock: what Kafka Streams does with the rule core. */
class LeadSlaTopologyTest {

  private static final TopicNames TOPICS = TopicNames.DEFAULTS;

  @TempDir Path stateDir;

  private final SchemaRegistryClient registry =
      new InProcessSchemaRegistryClient(SchemaRegistry.inMemory());

  /** Whether the engine's way to the registry is cut; the test's producers still reach it. */
  private final AtomicBoolean registryDown = new AtomicBoolean();

  /**
   * The engine's registry client: the real in-process registry, unless {@link #registryDown} makes
   * it fail as the HTTP client does when the registry cannot be reached.
   */
  private final SchemaRegistryClient engineRegistry =
      new SchemaRegistryClient() {
        private <T> T unlessDown(java.util.function.Supplier<T> call) {
          if (registryDown.get()) {
            throw new SchemaRegistryClientException(
                "could not reach the schema registry at http://registry.test: connection refused",
                new java.net.ConnectException("Connection refused"));
          }
          return call.get();
        }

        @Override
        public int register(String subject, Schema schema) {
          return unlessDown(() -> registry.register(subject, schema));
        }

        @Override
        public int lookupId(String subject, Schema schema) {
          return unlessDown(() -> registry.lookupId(subject, schema));
        }

        @Override
        public Schema schemaById(int id) {
          return unlessDown(() -> registry.schemaById(id));
        }

        @Override
        public String describe() {
          return "the registry at http://registry.test";
        }
      };

  private final List<List<Deadline>> ticks = new ArrayList<>();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final List<String> deadLettered = new ArrayList<>();
  private TopologyTestDriver driver;
  private TestOutputTopic<String, SlaAlert> alerts;
  private TestOutputTopic<byte[], byte[]> deadLetters;

  private void start(EngineSettings settings) {
    start(settings, SlaRules.standard());
  }

  private void start(EngineSettings settings, SlaRules rules) {
    EngineListener listener =
        new EngineListener() {
          @Override
          public void deadlinesFired(List<Deadline> fired, Instant now) {
            ticks.add(fired);
          }

          @Override
          public void duplicateDropped() {
            duplicates.incrementAndGet();
          }

          @Override
          public void deadLettered(String sourceTopic, String reasonCode) {
            deadLettered.add(sourceTopic + " " + reasonCode);
          }
        };
    var topology =
        SlaTopology.build(
            TOPICS,
            EventSerdes.using(engineRegistry, true),
            rules,
            new PolicyHolder(PolicyLoader.builtInDefault()),
            settings,
            listener);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sla-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    RuleErrorHandler.install(props, TOPICS, listener);
    driver = new TopologyTestDriver(topology, props, T0);
    alerts =
        driver.createOutputTopic(
            TOPICS.alerts(),
            new StringDeserializer(),
            new SpecificAvroDeserializer<>(registry, SlaAlert.class));
    deadLetters =
        driver.createOutputTopic(
            TOPICS.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    TestInputTopic<String, RepProfile> reps =
        driver.createInputTopic(
            TOPICS.reps(), new StringSerializer(), new SpecificAvroSerializer<>(registry, true));
    reps.pipeInput(
        "R-DANA",
        RepProfile.newBuilder()
            .setRepId("R-DANA")
            .setName("Dana Ortiz")
            .setManagerId("M-SAM")
            .build());
    reps.pipeInput("M-SAM", RepProfile.newBuilder().setRepId("M-SAM").setName("Sam Patel").build());
  }

  @BeforeEach
  void startWithDefaults() {
    start(EngineSettings.DEFAULTS);
  }

  @AfterEach
  void close() {
    driver.close();
  }

  private void send(SpecificRecord event) {
    send(event, LeadEvents.occurredAt(event));
  }

  /** Sends with a record timestamp of its own, as a producer's clock would stamp it. */
  private void send(SpecificRecord event, Instant recordTime) {
    String topic = TOPICS.topicOf(event);
    driver
        .createInputTopic(
            topic,
            new StringSerializer(),
            new SpecificAvroSerializer<SpecificRecord>(registry, true))
        .pipeInput(LeadEvents.leadId(event), event, recordTime);
  }

  private void sendRaw(String topic, byte[] key, byte[] value) {
    driver
        .createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer())
        .pipeInput(key, value, T0);
  }

  private void advanceTo(Duration sinceT0) {
    Instant target = T0.plus(sinceT0);
    Instant now = Instant.ofEpochMilli(driverTime);
    driver.advanceWallClockTime(Duration.between(now, target));
    driverTime = target.toEpochMilli();
  }

  private long driverTime = T0.toEpochMilli();

  @Test
  void anUntouchedLeadWarnsThenBreachesOnTheWallClock() {
    send(created("L-1042", h(0), "WEBINAR", "WARM", "R-DANA"));
    advanceTo(h(35.9));
    assertThat(alerts.isEmpty()).isTrue();

    advanceTo(h(36));
    advanceTo(h(48));
    List<TestRecord<String, SlaAlert>> out = alerts.readRecordsToList();
    assertThat(out)
        .extracting(TestRecord::key, r -> r.value().getKind(), r -> r.value().getDetectedAt())
        .containsExactly(
            tuple("L-1042", "WARNING", T0.plus(h(36))),
            tuple("L-1042", "BREACHED", T0.plus(h(48))));
    SlaAlert breach = out.get(1).value();
    assertThat(breach.getSummary()).contains("from rep Dana Ortiz for 2d");
    assertThat(breach.getManagerId()).isEqualTo("M-SAM");
    assertThat(breach.getAlertId()).isEqualTo(out.get(0).value().getAlertId());
  }

  @Test
  void aRecordWhoseSchemaCannotBeFetchedIsReadAgainInsteadOfDeadLettered() {
    registryDown.set(true);
    LeadCreated lead = created("L-1042", h(0), "WEBINAR", "WARM", "R-DANA");
    assertThatThrownBy(() -> send(lead))
        .isInstanceOf(StreamsException.class)
        .rootCause()
        .isInstanceOf(java.net.ConnectException.class);
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(deadLettered).isEmpty();

    // Kafka Streams replaces the failed thread, which reads the uncommitted record again.
    registryDown.set(false);
    send(lead);
    advanceTo(h(36));
    advanceTo(h(48));
    assertThat(alerts.readRecordsToList())
        .extracting(TestRecord::key, r -> r.value().getKind())
        .containsExactly(tuple("L-1042", "WARNING"), tuple("L-1042", "BREACHED"));
    assertThat(deadLettered).as("dead letters").isEmpty();
  }

  @Test
  void aTouchInTimeMeansNoAlertAndALateOneResolves() {
    send(created("L-1", h(0), "RFP_REQUEST", "HOT", "R-DANA"));
    send(created("L-2", h(0), "RFP_REQUEST", "HOT", "R-DANA"));
    advanceTo(h(1));
    send(touch("L-1", h(1), "R-DANA"));
    advanceTo(h(5));
    send(touch("L-2", h(5), "R-DANA"));

    // One scan at 5h finds L-2 past both its warning and its deadline: the breach alone is sent.
    assertThat(alerts.readRecordsToList())
        .extracting(TestRecord::key, r -> r.value().getKind())
        .containsExactly(tuple("L-2", "BREACHED"), tuple("L-2", "RESOLVED"));
  }

  @Test
  void aTouchPastTheDeadlineProcessedBeforeTheScanStillCountsAsABreach() {
    driver.close();
    start(new EngineSettings(Duration.ofDays(1), 10_000, Duration.ofDays(7)));
    send(created("L-1", h(0), "RFP_REQUEST", "HOT", "R-DANA"));
    // The wall clock passes the deadline but no scan runs before the touch (1h late) arrives.
    advanceTo(h(5.5));
    assertThat(ticks).isEmpty();
    send(touch("L-1", h(5), "R-DANA"));
    assertThat(alerts.readRecordsToList())
        .extracting(r -> r.value().getKind())
        .containsExactly("BREACHED", "RESOLVED");
  }

  @Test
  void duplicateEventIdsAreDropped() {
    LeadCreated lead = created("L-1", h(0), "WEBINAR", "WARM", "R-DANA");
    send(lead);
    send(lead);
    var touch = touch("L-1", h(1), "R-DANA");
    send(touch);
    send(touch);
    assertThat(duplicates).hasValue(2);
  }

  @Test
  void eachScanVisitsOnlyWhatIsDue() {
    for (int i = 0; i < 2_000; i++) {
      send(
          LeadCreated.newBuilder(created("L-" + i, h(0), "WEBINAR", "WARM", "R-DANA"))
              .setAccountId("A-" + i)
              .build());
    }
    send(created("L-hot", h(0), "RFP_REQUEST", "HOT", "R-DANA"));
    ticks.clear();
    advanceTo(h(3));
    // Over 4,000 clocks are open (first touch and buying-group coverage); only the hot lead's
    // warning (at 3h) is due.
    assertThat(ticks).isNotEmpty();
    assertThat(ticks.stream().flatMap(List::stream))
        .extracting(Deadline::key, Deadline::rule)
        .containsExactly(tuple("L-hot", io.followup.sla.policy.RuleId.FIRST_TOUCH));
  }

  @Test
  void aBacklogIsWorkedOffInCappedTicks() {
    driver.close();
    ticks.clear();
    start(new EngineSettings(Duration.ofSeconds(1), 10, Duration.ofDays(7)));
    for (int i = 0; i < 25; i++) {
      send(created("L-" + i, h(0), "RFP_REQUEST", "HOT", "R-DANA"));
    }
    advanceTo(h(10));
    advanceTo(h(10).plusSeconds(1));
    advanceTo(h(10).plusSeconds(2));
    advanceTo(h(10).plusSeconds(3));
    assertThat(ticks).allSatisfy(t -> assertThat(t.size()).isLessThanOrEqualTo(10));
    assertThat(alerts.readRecordsToList())
        .filteredOn(r -> r.value().getKind().equals("BREACHED"))
        .hasSize(25);
  }

  @Test
  void badRecordsBecomeDeadLettersAndTheEngineGoesOn() {
    sendRaw(
        TOPICS.leadCreated(),
        "L-1".getBytes(StandardCharsets.UTF_8),
        "{\"leadId\":\"L-1\"}".getBytes(StandardCharsets.UTF_8));
    sendRaw(
        TOPICS.repTouched(),
        "L-1".getBytes(StandardCharsets.UTF_8),
        ByteBuffer.allocate(9).put((byte) 0).putInt(424242).putInt(0).array());
    sendRaw(
        TOPICS.leadCreated(),
        null,
        new SpecificAvroSerializer<LeadCreated>(registry, true)
            .serialize(TOPICS.leadCreated(), created("L-2", h(0), "WEBINAR", "WARM", "R-DANA")));
    sendRaw(
        TOPICS.leadCreated(),
        "L-other".getBytes(StandardCharsets.UTF_8),
        new SpecificAvroSerializer<LeadCreated>(registry, true)
            .serialize(TOPICS.leadCreated(), created("L-3", h(0), "WEBINAR", "WARM", "R-DANA")));
    sendRaw(
        TOPICS.leadCreated(),
        "".getBytes(StandardCharsets.UTF_8),
        new SpecificAvroSerializer<LeadCreated>(registry, true)
            .serialize(TOPICS.leadCreated(), created("", h(0), "WEBINAR", "WARM", "R-DANA")));

    List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead)
        .extracting(r -> header(r.headers(), DeadLetters.REASON).split(":")[0])
        .containsExactly("undecodable", "undecodable", "null-key", "key-mismatch", "invalid-field");
    assertThat(header(dead.get(4).headers(), DeadLetters.REASON)).contains("leadId");
    assertThat(header(dead.get(0).headers(), DeadLetters.REASON)).contains("wire format");
    assertThat(header(dead.get(1).headers(), DeadLetters.REASON)).contains("424242");
    assertThat(header(dead.get(0).headers(), DeadLetters.TOPIC)).isEqualTo(TOPICS.leadCreated());
    assertThat(header(dead.get(1).headers(), DeadLetters.TOPIC)).isEqualTo(TOPICS.repTouched());
    assertThat(header(dead.get(0).headers(), DeadLetters.PARTITION)).isEqualTo("0");
    assertThat(header(dead.get(0).headers(), DeadLetters.OFFSET)).isEqualTo("0");
    assertThat(dead.get(0).value())
        .asString(StandardCharsets.UTF_8)
        .isEqualTo("{\"leadId\":\"L-1\"}");

    send(created("L-9", h(0), "RFP_REQUEST", "HOT", "R-DANA"));
    advanceTo(h(5));
    assertThat(alerts.readRecordsToList()).extracting(TestRecord::key).contains("L-9");
  }

  @Test
  void closedLeadsAreForgottenAfterTheRetentionPeriodOpenOnesAreKept() {
    driver.close();
    start(
        new EngineSettings(
            Duration.ofMinutes(10), 10_000, Duration.ofDays(7), Duration.ofDays(30)));
    send(created("L-closed", h(0), "WEBINAR", "WARM", "R-DANA"));
    send(touch("L-closed", h(1), "R-DANA"));
    send(status("L-closed", h(2), "CONVERTED", "R-DANA"));
    send(created("L-open", h(0), "WEBINAR", "WARM", "R-DANA"));
    send(touch("L-open", h(1), "R-DANA"));
    for (int i = 0; i < 5; i++) {
      send(touch("L-open", h(2 + i), "R-DANA"));
    }
    var leads =
        driver.<String, io.followup.sla.rules.LeadState>getKeyValueStore(StoreNames.LEAD_STATE);
    var accounts =
        driver.<String, io.followup.sla.rules.AccountState>getKeyValueStore(
            StoreNames.ACCOUNT_STATE);

    advanceTo(Duration.ofDays(29));
    assertThat(leads.get("L-closed")).as("kept within the retention period").isNotNull();

    advanceTo(Duration.ofDays(31));
    assertThat(leads.get("L-closed")).as("closed, no clock, quiet for 30 days").isNull();
    assertThat(leads.get("L-open")).as("open leads may re-engage: kept").isNotNull();
    assertThat(accounts.get("A-1")).as("the account still has an open member").isNotNull();
  }

  @Test
  void aKeptWordOverTheLimitIsDeadLetteredAndALongSubjectIsNot() {
    send(created("L-1", Duration.ZERO, "WEBINAR", null, "R-DANA"));
    var longChannel = touch("L-1", h(1), "R-DANA");
    longChannel.setChannel("E".repeat(LeadEventDecoder.MAX_KEPT_TEXT_CHARS + 1));
    send(longChannel);
    var atTheLimit = touch("L-1", h(2), "R-DANA");
    atTheLimit.setChannel("E".repeat(LeadEventDecoder.MAX_KEPT_TEXT_CHARS));
    atTheLimit.setSubject("s".repeat(100_000));
    send(atTheLimit);

    List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead).hasSize(1);
    assertThat(header(dead.get(0).headers(), DeadLetters.REASON))
        .isEqualTo(
            "invalid-field: channel is 1001 characters long; the engine keeps at most 1000"
                + " of a word, id or name");
    assertThat(deadLettered).containsExactly(TOPICS.repTouched() + " invalid-field");
    var leads =
        driver.<String, io.followup.sla.rules.LeadState>getKeyValueStore(StoreNames.LEAD_STATE);
    assertThat(leads.get("L-1").getTouches()).hasSize(1);
  }

  @Test
  void eventTimesOutsideWhatTheEngineKeepsAreDeadLetteredBeforeAnyRuleSeesThem() {
    // Year 292 million: a deadline 48 hours later is past what epoch millis hold.
    send(createdAt("L-far", Instant.ofEpochMilli(Long.MAX_VALUE - 1_000)), T0);
    send(createdAt("L-9999", Instant.parse("9999-06-01T00:00:00Z")), T0);
    send(createdAt("L-2201", Instant.parse("2201-01-01T00:00:00Z")), T0);
    send(createdAt("L-1969", Instant.parse("1969-12-31T23:59:59.999Z")), T0);
    send(createdAt("L-2200", Instant.parse("2200-12-31T23:59:59.999Z")), T0);
    send(createdAt("L-1970", Instant.EPOCH), T0);

    List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead)
        .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsExactly("L-far", "L-9999", "L-2201", "L-1969");
    assertThat(dead)
        .extracting(r -> header(r.headers(), DeadLetters.REASON))
        .allSatisfy(
            reason ->
                assertThat(reason).startsWith("out-of-range-time: occurredAt").contains("1970"));
    assertThat(header(dead.get(2).headers(), DeadLetters.REASON)).contains("2201-01-01T00:00:00Z");
    assertThat(deadLettered).hasSize(4).containsOnly(TOPICS.leadCreated() + " out-of-range-time");
    var leads =
        driver.<String, io.followup.sla.rules.LeadState>getKeyValueStore(StoreNames.LEAD_STATE);
    assertThat(leads.get("L-far")).isNull();
    assertThat(leads.get("L-2200")).isNotNull();
    assertThat(leads.get("L-1970")).isNotNull();
  }

  @Test
  void anExceptionInRuleCodeDeadLettersTheRecordInOurDialectAndTheEngineGoesOn() {
    driver.close();
    start(EngineSettings.DEFAULTS, BuggyRules.standard());
    LeadCreated buggy =
        created(BuggyRules.LEAD_PREFIX + "-1", h(0), "RFP_REQUEST", "HOT", "R-DANA");
    byte[] value =
        new SpecificAvroSerializer<LeadCreated>(registry, true)
            .serialize(TOPICS.leadCreated(), buggy);
    byte[] key = buggy.getLeadId().getBytes(StandardCharsets.UTF_8);
    driver
        .createInputTopic(
            TOPICS.leadCreated(), new ByteArraySerializer(), new ByteArraySerializer())
        .pipeInput(
            new TestRecord<>(
                key,
                value,
                new org.apache.kafka.common.header.internals.RecordHeaders()
                    .add("trace-id", "t-7".getBytes(StandardCharsets.UTF_8)),
                T0));
    send(created("L-fine", h(0), "RFP_REQUEST", "HOT", "R-DANA"));
    advanceTo(h(5));

    List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead).hasSize(1);
    TestRecord<byte[], byte[]> letter = dead.get(0);
    assertThat(letter.key()).isEqualTo(key);
    assertThat(letter.value()).isEqualTo(value);
    assertThat(header(letter.headers(), DeadLetters.REASON))
        .isEqualTo(
            "rule-error: java.lang.IllegalStateException: planted bug hit by lead "
                + buggy.getLeadId());
    assertThat(header(letter.headers(), DeadLetters.TOPIC)).isEqualTo(TOPICS.leadCreated());
    assertThat(header(letter.headers(), DeadLetters.PARTITION)).isEqualTo("0");
    assertThat(header(letter.headers(), DeadLetters.OFFSET)).isEqualTo("0");
    assertThat(header(letter.headers(), "trace-id")).isEqualTo("t-7");
    assertThat(letter.headers().toArray())
        .extracting(org.apache.kafka.common.header.Header::key)
        .noneMatch(k -> k.startsWith("__streams"));
    assertThat(deadLettered).containsExactly(TOPICS.leadCreated() + " rule-error");
    assertThat(alerts.readRecordsToList())
        .extracting(TestRecord::key)
        .contains("L-fine")
        .doesNotContain(buggy.getLeadId());
  }

  @Test
  void aRuleErrorIsLoggedOnceAtWarnWithoutLeadDataAndWithTheLeadIdAtDebug() {
    driver.close();
    start(EngineSettings.DEFAULTS, BuggyRules.standard());
    String leadId = BuggyRules.LEAD_PREFIX + "-secret-lead";
    try (CapturedLogs logs = CapturedLogs.start(RuleErrorHandler.class)) {
      send(created(leadId, h(0), "RFP_REQUEST", "HOT", "R-DANA"));

      assertThat(logs.atLeast(Level.WARN))
          .extracting(CapturedLogs.Line::message)
          .containsExactly(
              "Dead-lettered a record from "
                  + TOPICS.leadCreated()
                  + " partition 0 offset 0:"
                  + " rule-error")
          .noneMatch(m -> m.contains(leadId));
      assertThat(logs.of(RuleErrorHandler.class, Level.DEBUG))
          .singleElement()
          .satisfies(
              line -> {
                assertThat(line.message()).contains(leadId).contains("IllegalStateException");
                assertThat(line.thrown()).isInstanceOf(IllegalStateException.class);
              });
    }
  }

  @Test
  void aDeadLetterTooLargeForTheBrokerLeavesTheValueOutAndSaysSo() {
    driver.close();
    start(EngineSettings.DEFAULTS, BuggyRules.standard());
    // Fits on its own topic (just under Kafka's default 1 MiB), not once dead-letter headers join.
    // The bulk is in the subject, free text the decoder lets through at any length (a word or
    // name the engine keeps is refused at 1,000 characters before any rule sees it).
    var large = touch(BuggyRules.LEAD_PREFIX + "-large", h(0), "R-DANA");
    large.setSubject("x".repeat(1_048_000));
    send(large);
    byte[] garbage = new byte[1_048_000];
    sendRaw(TOPICS.repTouched(), "L-garbage".getBytes(StandardCharsets.UTF_8), garbage);
    send(created("L-fine", h(0), "RFP_REQUEST", "HOT", "R-DANA"));
    advanceTo(h(5));

    List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead)
        .extracting(r -> header(r.headers(), DeadLetters.REASON).split(":")[0])
        .containsExactly("rule-error", "undecodable");
    assertThat(dead)
        .allSatisfy(
            r -> {
              assertThat(r.value()).isNull();
              assertThat(header(r.headers(), DeadLetters.DROPPED)).startsWith("the value (");
              assertThat(recordBytes(r)).isLessThanOrEqualTo(DeadLetters.MAX_BYTES);
            });
    assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo(large.getLeadId());
    assertThat(alerts.readRecordsToList()).extracting(TestRecord::key).contains("L-fine");
  }

  private static int recordBytes(TestRecord<byte[], byte[]> r) {
    int size = r.key() == null ? 0 : r.key().length;
    size += r.value() == null ? 0 : r.value().length;
    for (var header : r.headers()) {
      size += header.key().length() + header.value().length;
    }
    return size;
  }

  private static LeadCreated createdAt(String leadId, Instant at) {
    return LeadCreated.newBuilder(created(leadId, h(0), "WEBINAR", "WARM", "R-DANA"))
        .setOccurredAt(at)
        .build();
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
