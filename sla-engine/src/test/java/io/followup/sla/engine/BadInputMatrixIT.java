package io.followup.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.followup.sla.config.EngineConfig;
import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.SlaPolicy;
import io.followup.sla.http.HttpEndpoints;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroDeserializer;
import io.followup.sla.serde.SpecificAvroSerializer;
import io.followup.sla.serde.WireFormat;
import io.followup.sla.streams.DeadLetters;
import io.followup.sla.streams.TopicNames;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, one kind at a time, on a real broker and registry with one engine: every record the
 * engine cannot use lands in {@code sla.dead-letters} with the {@code sla.dead-letter.*} headers
 * and its reason, or is handled as the README says; the engine stays ready throughout; and leads
 * sent after all of it, on every partition, still breach and are alerted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputMatrixIT {

  private static final String POLICY =
      """
      policyId: bad-input
      version: "bad-input-1"
      rules:
        first-touch:
          sla: PT2S
          bySource:
            TRADE_SHOW: PT20S
      """;

  private static final TopicNames TOPICS = TopicNames.DEFAULTS;
  private static final int PARTITIONS = 3;

  /** What became of one kind of record: the engine's answer, checked when it is due. */
  @FunctionalInterface
  private interface Outcome {
    void check(RecordMetadata sent);

    default Outcome then(Outcome next) {
      return original -> {
        check(original);
        next.check(original);
      };
    }
  }

  /** One kind of bad input: a record as a producer could send it, and what must become of it. */
  private record Kind(
      String name,
      String topic,
      byte[] key,
      Supplier<byte[]> value,
      List<Header> headers,
      Outcome outcome,
      Supplier<LeadCreated> prelude) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static EngineOnBroker broker;
  private static SchemaRegistryClient registry;
  private static SlaEngine engine;
  private static PolicyHolder policy;
  private static HttpEndpoints http;

  private static final Map<String, ConsumerRecord<byte[], byte[]>> deadLetters =
      new ConcurrentHashMap<>();
  private static final List<SlaAlert> alerts = new CopyOnWriteArrayList<>();
  private static final List<Integer> readiness = new CopyOnWriteArrayList<>();
  private static final AtomicBoolean watching = new AtomicBoolean(true);
  private static final List<Thread> watchers = new ArrayList<>();

  private static final Map<String, Kind> kinds = new LinkedHashMap<>();
  private static final Map<String, RecordMetadata> sent = new ConcurrentHashMap<>();
  private static final List<String> validLeads = new ArrayList<>();

  @TempDir static Path dataDir;

  /**
   * What the test's dead-letter topic accepts per record batch (Kafka's default is about 1 MiB).
   */
  private static final int DEAD_LETTER_TOPIC_MAX_BYTES = 500_000;

  @BeforeAll
  static void start() throws Exception {
    broker = EngineOnBroker.start();
    registry = broker.registry();
    Map<String, String> settings = broker.settings(dataDir, "bad-input");
    settings.put(EngineConfig.TOPIC_PARTITIONS, Integer.toString(PARTITIONS));
    policy = new PolicyHolder(PolicyLoader.parse(POLICY, "bad-input"));
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    engine = broker.startEngine(EngineConfig.of(settings), policy, meters);
    http = HttpEndpoints.start("localhost", 0, meters, engine::isRunning);

    watch(BadInputMatrixIT::pollReadiness);
    watch(BadInputMatrixIT::collectDeadLetters);
    watch(BadInputMatrixIT::collectAlerts);

    defineKinds();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                // Room for the near-1 MiB kinds; the broker's own limit is what they test.
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                2 * 1024 * 1024),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (ProducerRecord<byte[], byte[]> record : before) {
        producer.send(record).get(30, TimeUnit.SECONDS);
      }
      for (Kind kind : kinds.values()) {
        if (kind.prelude() != null) {
          // Its lead just before it, both timed as they are sent, however slow the machine.
          LeadCreated lead = kind.prelude().get();
          createdAt.put(lead.getLeadId(), lead.getOccurredAt());
          producer
              .send(
                  new ProducerRecord<>(
                      TOPICS.leadCreated(),
                      null,
                      lead.getOccurredAt().toEpochMilli(),
                      key(lead.getLeadId()),
                      avro(TOPICS.leadCreated(), lead)))
              .get(30, TimeUnit.SECONDS);
        }
        ProducerRecord<byte[], byte[]> record =
            new ProducerRecord<>(
                kind.topic(), null, kind.key(), kind.value().get(), kind.headers());
        sent.put(kind.name(), producer.send(record).get(30, TimeUnit.SECONDS));
      }
      // A lead of the rep whose time zone does not read: alerted all the same, in UTC.
      producer
          .send(
              new ProducerRecord<>(
                  TOPICS.leadCreated(),
                  key("L-mars"),
                  avro(TOPICS.leadCreated(), lead("L-mars", "R-MARS"))))
          .get(30, TimeUnit.SECONDS);
      // After every bad record: a lead that must breach on each partition of leads.lead-created.
      for (String leadId : oneLeadPerPartition("L-after")) {
        validLeads.add(leadId);
        producer
            .send(
                new ProducerRecord<>(
                    TOPICS.leadCreated(),
                    leadId.getBytes(StandardCharsets.UTF_8),
                    avro(TOPICS.leadCreated(), lead(leadId, "R-1"))))
            .get(30, TimeUnit.SECONDS);
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    watching.set(false);
    for (Thread watcher : watchers) {
      watcher.join(10_000);
    }
    for (AutoCloseable c : new AutoCloseable[] {http, broker}) {
      if (c != null) {
        c.close();
      }
    }
  }

  static Stream<String> kinds() {
    return kinds.values().stream().map(Kind::name);
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void eachKindIsDeadLetteredWithItsReasonOrHandledAsDocumented(String name) {
    Kind kind = kinds.get(name);
    kind.outcome().check(sent.get(name));
  }

  @Order(2)
  @Test
  void leadsSentAfterAllOfItStillBreachOnEveryPartitionAndTheEngineStayedReady() {
    assertThat(kinds).hasSizeGreaterThanOrEqualTo(20);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(breached())
                    .as("leads sent after the bad input, one on each partition")
                    .containsAll(validLeads));
    assertThat(engine.isRunning()).isTrue();
    assertThat(readiness).as("readiness samples").hasSizeGreaterThan(10);
    assertThat(readiness).as("/health/ready throughout").containsOnly(200);
  }

  // ---- The kinds ------------------------------------------------------------------------------

  private static void defineKinds() {
    String created = TOPICS.leadCreated();
    String touched = TOPICS.repTouched();
    String status = TOPICS.statusChanged();
    String engaged = TOPICS.contentEngaged();
    byte[] valid = avro(created, lead("L-valid-bytes", "R-1"));
    Random random = new Random(7);

    byte[] randomBytes = new byte[64];
    random.nextBytes(randomBytes);
    randomBytes[0] = 0x42;
    kind("random bytes", created, key("L-random"), randomBytes, deadLetter("undecodable"));
    kind("an empty value", created, key("L-empty"), new byte[0], deadLetter("undecodable"));
    kind("a null value (tombstone)", touched, key("L-null"), null, deadLetter("null-value"));
    byte[] wrongMagic = valid.clone();
    wrongMagic[0] = 0x01;
    kind(
        "a wrong magic byte", created, key("L-valid-bytes"), wrongMagic, deadLetter("undecodable"));
    kind(
        "an unknown schema id",
        created,
        key("L-valid-bytes"),
        WireFormat.frame(987_654, Arrays.copyOfRange(valid, 5, valid.length)),
        deadLetter("undecodable"));
    kind(
        "another topic's schema (a RepProfile)",
        created,
        key("R-9"),
        avro(TOPICS.reps(), RepProfile.newBuilder().setRepId("R-9").setName("Nine").build()),
        deadLetter("not-a-lead-event"));
    kind(
        "an alert on an event topic",
        touched,
        key("L-alert"),
        avro(
            TOPICS.alerts(),
            SlaAlert.newBuilder()
                .setAlertId("a")
                .setKind("BREACHED")
                .setRuleId("first-touch")
                .setLeadId("L-alert")
                .setDueAt(Instant.now())
                .setDetectedAt(Instant.now())
                .setSummary("s")
                .build()),
        deadLetter("not-a-lead-event"));
    kind(
        "truncated Avro",
        created,
        key("L-valid-bytes"),
        Arrays.copyOf(valid, valid.length / 2),
        deadLetter("undecodable"));
    byte[] garbageDatum = new byte[40];
    random.nextBytes(garbageDatum);
    kind(
        "a real schema id with a garbage datum",
        created,
        key("L-garbage"),
        WireFormat.frame(WireFormat.schemaId(valid), garbageDatum),
        deadLetter("undecodable"));
    kind(
        "a null key", created, null, avro(created, lead("L-nokey", "R-1")), deadLetter("null-key"));
    kind(
        "an empty key",
        created,
        new byte[0],
        avro(created, lead("L-emptykey", "R-1")),
        deadLetter("key-mismatch"));
    kind(
        "a key that is not the leadId",
        created,
        key("L-other"),
        avro(created, lead("L-mine", "R-1")),
        deadLetter("key-mismatch"));
    kind(
        "a key that is not UTF-8",
        created,
        new byte[] {(byte) 0xff, (byte) 0xfe, 0x41},
        avro(created, lead("L-utf8", "R-1")),
        deadLetter("key-mismatch"));
    kind(
        "an empty leadId",
        created,
        key(""),
        avro(created, lead("", "R-1")),
        deadLetter("invalid-field"));
    LeadCreated noEventId = lead("L-noevent", "R-1");
    noEventId.setEventId(" ");
    kind(
        "a blank eventId",
        created,
        key("L-noevent"),
        avro(created, noEventId),
        deadLetter("invalid-field"));
    kind(
        "occurredAt in the year 9999",
        touched,
        key("L-9999"),
        avro(touched, touch("L-9999", "EMAIL", Instant.parse("9999-12-31T23:59:59Z"), null)),
        deadLetter("out-of-range-time"));
    kind(
        "occurredAt before 1970",
        status,
        key("L-1969"),
        avro(status, status("L-1969", "ASSIGNED", Instant.parse("1969-07-20T20:17:00Z"))),
        deadLetter("out-of-range-time"));
    LeadCreated maxTime = lead("L-max", "R-1");
    maxTime.setOccurredAt(Instant.ofEpochMilli(Long.MAX_VALUE));
    kind(
        "occurredAt at the largest epoch millis",
        created,
        key("L-max"),
        avro(created, maxTime),
        deadLetter("out-of-range-time"));
    RepTouched lateRecorded = touch("L-rec", "CALL", Instant.now(), null);
    lateRecorded.setRecordedAt(Instant.ofEpochMilli(Long.MIN_VALUE + 1));
    kind(
        "recordedAt at the smallest epoch millis",
        touched,
        key("L-rec"),
        avro(touched, lateRecorded),
        deadLetter("out-of-range-time"));
    // Fits on its topic (the broker's default 1 MiB and 12 bytes), but not with the dead-letter
    // headers under the engine's limit (the producer's 1 MiB): the value must go.
    byte[] nearlyOneMib = new byte[1_048_400];
    random.nextBytes(nearlyOneMib);
    kind(
        "an undecodable value so near 1 MiB that its dead letter must be cut down",
        engaged,
        key("L-huge"),
        nearlyOneMib,
        deadLetter("undecodable")
            .withLetter(
                letter -> assertThat(header(letter, DeadLetters.DROPPED)).contains("the value")));
    kind(
        "forged dead-letter and Kafka Streams headers",
        created,
        key("L-forged"),
        "not avro".getBytes(StandardCharsets.UTF_8),
        List.of(
            new RecordHeader(DeadLetters.REASON, bytes("forged")),
            new RecordHeader("__streams.errors.exception", bytes("forged")),
            new RecordHeader("trace-id", bytes("t-1"))),
        deadLetter("undecodable")
            .withLetter(
                letter -> {
                  assertThat(letter.headers().headers(DeadLetters.REASON)).hasSize(1);
                  assertThat(letter.headers().headers("__streams.errors.exception")).isEmpty();
                  assertThat(header(letter, "trace-id")).isEqualTo("t-1");
                }));

    // Handled as documented: words the engine does not know are kept, and change no clock.
    sendFirst(created, lead("L-status", "R-1"));
    kind(
        "an unknown status word",
        status,
        key("L-status"),
        avro(status, status("L-status", "ON_ICE", Instant.now())),
        notDeadLettered().then(breaches("L-status")));
    touchOfANewLead(
        "an unknown channel word",
        "L-channel",
        "CARRIER_PIGEON",
        null,
        notDeadLettered().then(touchCounts("L-channel")));
    touchOfANewLead(
        "a 1 MB subject",
        "L-subject",
        "EMAIL",
        "x".repeat(1_000_000),
        notDeadLettered().then(touchCounts("L-subject")));
    sendFirst(created, lead("L-longchannel", "R-1"));
    sendFirst(created, lead("L-longtitle", "R-1"));
    kind(
        "a 1 MB channel word",
        touched,
        key("L-longchannel"),
        avro(touched, touch("L-longchannel", "E".repeat(1_000_000), Instant.now(), null)),
        deadLetter("invalid-field"));
    // Each fits in a record, but a lead's state holding two would not fit in its changelog's.
    kind(
        "a 600 KB asset title",
        engaged,
        key("L-longtitle"),
        avro(engaged, engagement("L-longtitle", "t".repeat(600_000))),
        deadLetter("invalid-field"));
    kind(
        "a second 600 KB asset title on the same lead",
        engaged,
        key("L-longtitle"),
        avro(engaged, engagement("L-longtitle", "u".repeat(600_000))),
        deadLetter("invalid-field"));

    // The global topics: nothing to dead-letter to from there; skipped or refused, and logged.
    kind(
        "a rep profile with a bad time zone",
        TOPICS.reps(),
        key("R-MARS"),
        avro(
            TOPICS.reps(),
            RepProfile.newBuilder()
                .setRepId("R-MARS")
                .setName("Marvin Mars")
                .setTimeZone("Mars/Olympus_Mons")
                .setWorkingHours("MON-FRI 09:00-17:00")
                .build()),
        notDeadLettered().then(breaches("L-mars")));
    kind(
        "a rep profile that is not Avro",
        TOPICS.reps(),
        key("R-JUNK"),
        "{\"repId\":\"R-JUNK\"}".getBytes(StandardCharsets.UTF_8),
        notDeadLettered().then(policyStill("bad-input-1")));
    kind(
        "a policy record that is not a policy",
        TOPICS.policies(),
        key("bad-input"),
        avro(TOPICS.reps(), RepProfile.newBuilder().setRepId("R-P").setName("P").build()),
        notDeadLettered().then(policyStill("bad-input-1")));
    kind(
        "a policy record of random bytes",
        TOPICS.policies(),
        key("bad-input"),
        randomBytes,
        notDeadLettered().then(policyStill("bad-input-1")));
    kind(
        "a policy whose document does not validate",
        TOPICS.policies(),
        key("bad-input"),
        avro(
            TOPICS.policies(),
            SlaPolicy.newBuilder()
                .setPolicyId("bad-input")
                .setVersion("bad-input-2")
                .setDocument("policyId: bad-input\nversion: bad-input-2\nrules: [")
                .setPublishedAt(Instant.now())
                .build()),
        notDeadLettered().then(policyStill("bad-input-1")));
  }

  private static void kind(String name, String topic, byte[] key, byte[] value, Outcome outcome) {
    kind(name, topic, key, value, List.of(), outcome);
  }

  private static void kind(
      String name, String topic, byte[] key, byte[] value, List<Header> headers, Outcome outcome) {
    kinds.put(name, new Kind(name, topic, key, () -> value, headers, outcome, null));
  }

  /**
   * A touch of a lead (of the 20 s SLA) created just before it, so that the touch surely comes in
   * time and the lead must not breach if the touch counts.
   */
  private static void touchOfANewLead(
      String name, String leadId, String channel, String subject, Outcome outcome) {
    kinds.put(
        name,
        new Kind(
            name,
            TOPICS.repTouched(),
            key(leadId),
            () -> avro(TOPICS.repTouched(), touch(leadId, channel, Instant.now(), subject)),
            List.of(),
            outcome,
            () -> {
              LeadCreated lead = lead(leadId, "R-1");
              lead.setSource("TRADE_SHOW");
              return lead;
            }));
  }

  /** When the leads of {@link #touchOfANewLead} were created. */
  private static final Map<String, Instant> createdAt = new ConcurrentHashMap<>();

  /** Kinds whose outcome is a lead's alert need the lead first; sent before the kinds. */
  private static final List<ProducerRecord<byte[], byte[]>> before = new ArrayList<>();

  private static void sendFirst(String topic, LeadCreated lead) {
    before.add(
        new ProducerRecord<>(
            topic,
            null,
            lead.getOccurredAt().toEpochMilli(),
            lead.getLeadId().getBytes(StandardCharsets.UTF_8),
            avro(topic, lead)));
  }

  // ---- Outcomes -------------------------------------------------------------------------------

  /** A dead-letter outcome that can take further checks of the letter. */
  private interface LetterOutcome extends Outcome {
    LetterOutcome withLetter(java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> more);
  }

  private static LetterOutcome deadLetter(String reason) {
    return new LetterOutcome() {
      private final List<java.util.function.Consumer<ConsumerRecord<byte[], byte[]>>> more =
          new ArrayList<>();

      @Override
      public LetterOutcome withLetter(
          java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> check) {
        more.add(check);
        return this;
      }

      @Override
      public void check(RecordMetadata original) {
        String where = where(original.topic(), original.partition(), original.offset());
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.containsKey(where));
        ConsumerRecord<byte[], byte[]> letter = deadLetters.get(where);
        assertThat(header(letter, DeadLetters.TOPIC)).isEqualTo(original.topic());
        assertThat(header(letter, DeadLetters.PARTITION))
            .isEqualTo(Integer.toString(original.partition()));
        assertThat(header(letter, DeadLetters.OFFSET)).isEqualTo(Long.toString(original.offset()));
        assertThat(header(letter, DeadLetters.REASON))
            .satisfiesAnyOf(
                r -> assertThat(r).isEqualTo(reason), r -> assertThat(r).startsWith(reason + ": "));
        assertThat(letter.headers().headers(DeadLetters.REASON)).hasSize(1);
        more.forEach(check -> check.accept(letter));
      }
    };
  }

  /**
   * Not a dead letter: none for it once the leads sent after all the bad input have breached (a
   * dead letter is written within milliseconds; those breaches take seconds).
   */
  private static Outcome notDeadLettered() {
    return original -> {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(breached()).containsAll(validLeads));
      assertThat(deadLetters)
          .doesNotContainKey(where(original.topic(), original.partition(), original.offset()));
    };
  }

  private static Outcome breaches(String leadId) {
    return original ->
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(breached()).contains(leadId));
  }

  /** Never breaches: no BREACHED for it once its deadline and a few seconds more have passed. */
  private static Outcome touchCounts(String leadId) {
    return original -> {
      Instant looked = createdAt.get(leadId).plusSeconds(25);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> Instant.now().isAfter(looked) && breached().containsAll(validLeads));
      // The touch counts: no breach at all, or (when a loaded machine applied the touch after
      // the lead's deadline) a breach withdrawn by it. A touch that did not count leaves the
      // breach.
      List<String> kinds =
          alerts.stream().filter(a -> leadId.equals(a.getLeadId())).map(SlaAlert::getKind).toList();
      if (kinds.contains("BREACHED")) {
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () ->
                    assertThat(
                            alerts.stream()
                                .filter(a -> leadId.equals(a.getLeadId()))
                                .map(SlaAlert::getKind))
                        .as("the touch of %s withdraws its breach", leadId)
                        .contains("RESOLVED"));
      }
    };
  }

  private static Outcome policyStill(String version) {
    return original -> {
      // The policy topic is read within a second or so; give it that, then look.
      await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
      assertThat(policy.get().version()).isEqualTo(version);
    };
  }

  // ---- Helpers --------------------------------------------------------------------------------

  private static List<String> breached() {
    return alerts.stream()
        .filter(a -> a.getKind().equals("BREACHED"))
        .map(SlaAlert::getLeadId)
        .toList();
  }

  /** Lead ids, one landing on each partition under the Java client's default partitioner. */
  private static List<String> oneLeadPerPartition(String prefix) {
    Map<Integer, String> byPartition = new LinkedHashMap<>();
    for (int i = 0; byPartition.size() < PARTITIONS; i++) {
      String id = prefix + "-" + i;
      byPartition.putIfAbsent(
          Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS, id);
    }
    return List.copyOf(byPartition.values());
  }

  private static LeadCreated lead(String leadId, String owner) {
    return LeadCreated.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setLeadId(leadId)
        .setOccurredAt(Instant.now())
        .setSource("WEBINAR")
        .setOwnerRepId(owner)
        .build();
  }

  private static RepTouched touch(String leadId, String channel, Instant at, String subject) {
    return RepTouched.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setLeadId(leadId)
        .setOccurredAt(at)
        .setRepId("R-1")
        .setChannel(channel)
        .setDirection("OUTBOUND")
        .setSubject(subject)
        .build();
  }

  private static ContentEngaged engagement(String leadId, String title) {
    return ContentEngaged.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setLeadId(leadId)
        .setOccurredAt(Instant.now())
        .setAssetId("A-1")
        .setAssetType("WHITEPAPER")
        .setAssetTitle(title)
        .build();
  }

  private static LeadStatusChanged status(String leadId, String word, Instant at) {
    return LeadStatusChanged.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setLeadId(leadId)
        .setOccurredAt(at)
        .setStatus(word)
        .build();
  }

  private static <T extends SpecificRecord> byte[] avro(String topic, T record) {
    try (SpecificAvroSerializer<T> serializer = new SpecificAvroSerializer<>(registry, true)) {
      return serializer.serialize(topic, record);
    }
  }

  private static byte[] key(String text) {
    return bytes(text);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String where(String topic, int partition, long offset) {
    return topic + "/" + partition + "/" + offset;
  }

  // ---- Watchers -------------------------------------------------------------------------------

  private interface Watch {
    void run() throws Exception;
  }

  private static void watch(Watch body) {
    Thread thread =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    thread.setDaemon(true);
    thread.start();
    watchers.add(thread);
  }

  private static void pollReadiness() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://localhost:" + http.port() + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    while (watching.get()) {
      readiness.add(client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode());
      Thread.sleep(200);
    }
  }

  private static void collectDeadLetters() {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(TOPICS.deadLetters()));
      while (watching.get()) {
        for (ConsumerRecord<byte[], byte[]> letter : consumer.poll(Duration.ofMillis(200))) {
          deadLetters.put(
              where(
                  header(letter, DeadLetters.TOPIC),
                  Integer.parseInt(header(letter, DeadLetters.PARTITION)),
                  Long.parseLong(header(letter, DeadLetters.OFFSET))),
              letter);
        }
      }
    }
  }

  private static void collectAlerts() {
    try (KafkaConsumer<String, SlaAlert> consumer =
        new KafkaConsumer<>(
            consumerConfig(),
            new StringDeserializer(),
            new SpecificAvroDeserializer<>(registry, SlaAlert.class))) {
      consumer.subscribe(List.of(TOPICS.alerts()));
      while (watching.get()) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> alerts.add(r.value()));
      }
    }
  }

  /** A reader's config with room for the near-1 MiB records some kinds leave. */
  private static Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>(broker.readerConfig());
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
    return config;
  }
}
