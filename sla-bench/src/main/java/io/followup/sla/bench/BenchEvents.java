package io.followup.sla.bench;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.history.HistoryGenerator;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroSerializer;
import io.followup.sla.streams.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The input the apps read: Avro in the Confluent wire format through the run's registry, keyed as
 * the contract says (leadId, repId). Records carry the time they are produced, as live events do;
 * {@code occurredAt} inside says when they happened.
 */
final class BenchEvents implements AutoCloseable {

  /** The history's seed: the same seed, the same story in every run. */
  static final long SEED = 7;

  /** How many days of history the live run's events span, ending the day before the run. */
  static final int HISTORY_DAYS = 14;

  /** Leads of one account: the contract's buying groups of about seven. */
  static final int BUYING_GROUP = 7;

  private static final String[] SOURCES = {
    "INBOUND_FORM", "WEBINAR", "TRADE_SHOW", "CONTENT_SYNDICATION", "PURCHASED_LIST"
  };
  private static final String[] PRIORITIES = {"WARM", "COLD", "WARM", null};
  private static final String[] ROLES = {
    "Champion", "Economic buyer", "Technical evaluator", "User", "Influencer", "Procurement", "User"
  };
  private static final String[] TITLES = {
    "Director of Process Development",
    "Senior Scientist",
    "Head of Manufacturing",
    "Lab Manager",
    "VP Quality",
    "Procurement Lead",
    "Principal Engineer"
  };

  private final KafkaProducer<byte[], byte[]> producer;
  private final SpecificAvroSerializer<SpecificRecord> values;
  private final Clock clock;
  private final LocalDate today;

  BenchEvents(String bootstrapServers, SchemaRegistryClient registry, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    // Once per run: every history of the run covers the same days, so two tellings are one story.
    this.today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    this.values = new SpecificAvroSerializer<>(registry, true);
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                128 * 1024,
                ProducerConfig.CLIENT_ID_CONFIG,
                "sla-bench-producer"),
            new ByteArraySerializer(),
            new ByteArraySerializer());
  }

  /** The reps and managers every history names, for the engine's directory and for owners. */
  static List<RepProfile> reps() {
    return new HistoryGenerator(historySettings(1, LocalDate.of(2026, 1, 1)))
        .reps().stream().map(HistoryGenerator.Rep::profile).toList();
  }

  /**
   * The generated history's first {@code events} lead events over the {@value #HISTORY_DAYS} days
   * before today, encoded, with {@code idPrefix} before their ids (see {@link
   * LeadEventBatch#encode}); the same for every call with the same arguments in one run.
   */
  LeadEventBatch history(int events, String idPrefix) {
    // About six events a lead over a lead's life, but the period's end cuts the later leads'
    // lives short, to about four: a lead for every three events wanted leaves enough, and the
    // events sent still span most of the period.
    HistoryGenerator history =
        new HistoryGenerator(historySettings(Math.max(1, events / 3), today));
    return LeadEventBatch.encode(history, events, idPrefix, values);
  }

  /** Sends {@code batch} to the lead-event topics of {@code topics} and waits until it is sent. */
  void send(LeadEventBatch batch, TopicNames topics) {
    List<String> leadTopics = topics.leadEventTopics();
    for (LeadEventBatch.Encoded record : batch.records()) {
      producer.send(
          new ProducerRecord<>(leadTopics.get(record.topic()), record.key(), record.value()));
    }
    producer.flush();
  }

  private static HistoryGenerator.Settings historySettings(int leads, LocalDate today) {
    return new HistoryGenerator.Settings(
        leads, today.minusDays(HISTORY_DAYS), today.minusDays(1), SEED);
  }

  /** Sends the reps and managers to the reps topic. */
  void sendReps(TopicNames topics) {
    for (RepProfile rep : reps()) {
      send(topics.reps(), rep.getRepId(), rep);
    }
    producer.flush();
  }

  /**
   * Leads {@code from} (included) to {@code to} (excluded) of a deterministic set of open leads:
   * created now with an owner, in buying groups of {@value #BUYING_GROUP}, from sources whose SLAs
   * run for hours, so that no deadline comes due while the bench measures.
   */
  void sendOpenLeads(TopicNames topics, int from, int to, List<String> owners) {
    Instant now = clock.instant();
    for (int i = from; i < to; i++) {
      String leadId = String.format("OL-%07d", i);
      int account = i / BUYING_GROUP;
      LeadCreated lead =
          LeadCreated.newBuilder()
              .setEventId(leadId + "-created")
              .setLeadId(leadId)
              .setOccurredAt(now)
              .setAccountId(String.format("OA-%06d", account))
              .setSource(SOURCES[i % SOURCES.length])
              .setPriority(PRIORITIES[i % PRIORITIES.length])
              .setOwnerRepId(owners.get(account % owners.size()))
              .setBuyingRole(ROLES[i % BUYING_GROUP])
              .setAccountName(String.format("Account %06d Biologics", account))
              .setContactName(String.format("Contact %07d", i))
              .setContactTitle(TITLES[i % TITLES.length])
              .setRegion(account % 3 == 0 ? "EMEA" : "NA")
              .build();
      send(topics.leadCreated(), leadId, lead);
    }
    producer.flush();
  }

  private void send(String topic, String key, SpecificRecord value) {
    producer.send(
        new ProducerRecord<>(
            topic, key.getBytes(StandardCharsets.UTF_8), values.serialize(topic, value)));
  }

  @Override
  public void close() {
    producer.close();
  }
}
