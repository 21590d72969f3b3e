package io.followup.sla.bench;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.history.HistoryGenerator;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroSerializer;
import io.followup.sla.streams.TopicNames;
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
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The input both apps read, produced once: Avro in the Confluent wire format through the run's
 * registry, keyed as the contract says (leadId, repId). Records carry the time they are produced,
 * as live events do; {@code occurredAt} inside says when they happened.
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

  private final KafkaProducer<String, SpecificRecord> producer;
  private final Clock clock;

  BenchEvents(String bootstrapServers, SchemaRegistryClient registry, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
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
            new StringSerializer(),
            new SpecificAvroSerializer<>(registry, true));
  }

  /** The reps and managers every history names, for the engine's directory and for owners. */
  static List<RepProfile> reps() {
    return new HistoryGenerator(historySettings(1, LocalDate.of(2026, 1, 1)))
        .reps().stream().map(HistoryGenerator.Rep::profile).toList();
  }

  /**
   * The generated history's first {@code events} lead events (with its reps before them), over the
   * {@value #HISTORY_DAYS} days before today. Returns the lead events sent.
   */
  long sendHistory(TopicNames topics, int events) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    // About six events a lead over a lead's life, but the period's end cuts the later leads'
    // lives short, to about four: a lead for every three events wanted leaves enough, and the
    // events sent still span most of the period.
    HistoryGenerator history =
        new HistoryGenerator(historySettings(Math.max(1, events / 3), today));
    long sent = 0;
    for (SpecificRecord record : history) {
      if (record instanceof RepProfile rep) {
        producer.send(new ProducerRecord<>(topics.reps(), rep.getRepId(), rep));
        continue;
      }
      producer.send(
          new ProducerRecord<>(topics.topicOf(record), LeadEvents.leadId(record), record));
      if (++sent == events) {
        break;
      }
    }
    producer.flush();
    return sent;
  }

  private static HistoryGenerator.Settings historySettings(int leads, LocalDate today) {
    return new HistoryGenerator.Settings(
        leads, today.minusDays(HISTORY_DAYS), today.minusDays(1), SEED);
  }

  /** Sends the reps and managers to the reps topic. */
  void sendReps(TopicNames topics) {
    for (RepProfile rep : reps()) {
      producer.send(new ProducerRecord<>(topics.reps(), rep.getRepId(), rep));
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
      producer.send(new ProducerRecord<>(topics.leadCreated(), leadId, lead));
    }
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
