package io.followup.sla.streams;

import io.followup.sla.rules.LeadEvents;
import io.followup.sla.serde.SchemaRegistryAccessException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns raw lead-event records into events the rules can use, and everything else into dead letters
 * with the reason: undecodable bytes, an unknown schema id, a null key, a missing leadId or
 * eventId, a key that is not the event's leadId, a time the engine cannot keep. Nothing is dropped
 * and the engine keeps running.
 */
public final class LeadEventDecoder implements Processor<byte[], byte[], Object, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(LeadEventDecoder.class);

  /**
   * The earliest event time accepted. The deadline index orders deadlines by their epoch millis as
   * unsigned bytes, so a time before 1970 would sort after every other deadline and never come due;
   * and no CRM event of a lead that is still worked is that old.
   */
  public static final Instant EARLIEST_EVENT_TIME = Instant.EPOCH;

  /**
   * The first event time refused: 2201-01-01, so anything in year 2200 or before passes. No sales
   * event happens that far ahead; such a time is a unit mistake (microseconds or nanoseconds sent
   * as milliseconds), and deadlines computed from it can pass what epoch millis hold, which would
   * fail inside rule code instead of here.
   */
  public static final Instant FIRST_REFUSED_EVENT_TIME = Instant.parse("2201-01-01T00:00:00Z");

  /**
   * The longest word, id or name the engine accepts in a field it keeps in a lead's state. A lead's
   * state is one record of its changelog topic, under Kafka's 1 MiB limit: one event with a
   * megabyte-long channel word or account name would make every later write of that lead fail, and
   * with it the stream thread, on the same record again and again. No real id or word comes near.
   */
  public static final int MAX_KEPT_TEXT_CHARS = 1_000;

  /** Free text the engine reads but does not keep (a subject is only classified): any length. */
  private static final Set<String> FREE_TEXT_FIELDS = Set.of("subject", "reason");

  /** The event times checked: {@code recordedAt} only where a schema has it. */
  private static final List<String> TIME_FIELDS = List.of("occurredAt", "recordedAt");

  /** How long the thread waits before failing on a record whose schema it cannot fetch. */
  static final Duration REGISTRY_RETRY_PAUSE = Duration.ofSeconds(2);

  private final Deserializer<?> events;
  private final String rulesNode;
  private final String deadLetterNode;

  /** On a re-routed record: where it was first read, as {@code topic/partition/offset}. */
  public static final String REROUTED_FROM = "sla.rerouted-from";

  private final EngineListener listener;
  private final int deadLetterMaxBytes;
  private final KeyPlacement placement;
  private final String rerouteNode;
  private final String misplacedTopic;
  private long rerouted;
  private ProcessorContext<Object, Object> context;

  /**
   * @param rerouteNode the sink to the topic of misplaced events
   * @param misplacedTopic that topic, whose records are never re-routed again
   */
  public LeadEventDecoder(
      Deserializer<?> events,
      String rulesNode,
      String deadLetterNode,
      String rerouteNode,
      String misplacedTopic,
      EngineListener listener,
      EngineSettings settings) {
    this.events = events;
    this.rulesNode = rulesNode;
    this.deadLetterNode = deadLetterNode;
    this.rerouteNode = rerouteNode;
    this.misplacedTopic = misplacedTopic;
    this.listener = listener;
    this.deadLetterMaxBytes = settings.deadLetterMaxBytes();
    this.placement = settings.placement();
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    DeadLetters.Source source = DeadLetters.Source.of(context.recordMetadata().orElse(null));
    if (record.key() == null) {
      deadLetter(
          record,
          source,
          DeadLetterReason.NULL_KEY,
          "the record has no key; lead events are keyed by leadId");
      return;
    }
    if (record.value() == null) {
      deadLetter(
          record,
          source,
          DeadLetterReason.NULL_VALUE,
          "the record has no value (a tombstone on an event topic)");
      return;
    }
    Object decoded;
    try {
      decoded = events.deserialize(source.topic(), record.headers(), record.value());
    } catch (SchemaRegistryAccessException e) {
      throw registryUnavailable(source, e);
    } catch (RuntimeException e) {
      deadLetter(
          record,
          source,
          DeadLetterReason.UNDECODABLE,
          firstLine(e.getMessage(), e.getClass().getSimpleName()));
      return;
    }
    if (!(decoded instanceof SpecificRecord event) || !LeadEvents.isLeadEvent(decoded)) {
      String type =
          decoded instanceof SpecificRecord r
              ? r.getSchema().getFullName()
              : String.valueOf(decoded);
      deadLetter(
          record,
          source,
          DeadLetterReason.NOT_A_LEAD_EVENT,
          "the value is a " + type + ", not a lead event");
      return;
    }
    String leadId = LeadEvents.leadId(event);
    if (leadId == null || leadId.isBlank()) {
      deadLetter(
          record, source, DeadLetterReason.INVALID_FIELD, "leadId is blank; the event has no lead");
      return;
    }
    String key = new String(record.key(), StandardCharsets.UTF_8);
    if (!key.equals(leadId)) {
      deadLetter(
          record,
          source,
          DeadLetterReason.KEY_MISMATCH,
          "the record key is not the event's leadId, so it may be on the wrong partition");
      return;
    }
    String eventId = LeadEvents.eventId(event);
    if (eventId == null || eventId.isBlank()) {
      deadLetter(
          record,
          source,
          DeadLetterReason.INVALID_FIELD,
          "eventId is blank; duplicates could not be told apart");
      return;
    }
    String overlong = overlongText(event);
    if (overlong != null) {
      deadLetter(record, source, DeadLetterReason.INVALID_FIELD, overlong);
      return;
    }
    String outOfRange = outOfRangeTime(event);
    if (outOfRange != null) {
      deadLetter(record, source, DeadLetterReason.OUT_OF_RANGE_TIME, outOfRange);
      return;
    }
    if (!placement.inPlace(source.topic(), source.partition(), record.key())) {
      if (source.topic().equals(misplacedTopic)) {
        // Re-routed once and still not in place: the topic's partitions differ from the event
        // topics'. Another round would loop; the record is kept for a person to look at.
        deadLetter(
            record,
            source,
            DeadLetterReason.WRONG_PARTITION,
            "re-routed, yet still not on partition "
                + placement.expectedPartition(source.topic(), record.key())
                + " of its key; does "
                + misplacedTopic
                + " have as many partitions as the event topics?");
        return;
      }
      reroute(record, source);
      return;
    }
    context.forward(new Record<>(leadId, event, record.timestamp(), record.headers()), rulesNode);
  }

  /**
   * The schema registry could not be asked for the record's schema (down, overloaded, refusing the
   * credentials): that says nothing about the record, and a dead letter would lose a good event.
   * Failing the task instead leaves the record uncommitted; the stream thread is replaced and reads
   * it again, and readiness reports the repeated failures meanwhile. The pause first keeps an
   * outage from becoming a tight loop of thread replacements, and stays well under the transaction
   * timeout.
   */
  private static StreamsException registryUnavailable(
      DeadLetters.Source source, SchemaRegistryAccessException e) {
    try {
      Thread.sleep(REGISTRY_RETRY_PAUSE.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    return new StreamsException(
        "cannot read a record of "
            + source.topic()
            + " partition "
            + source.partition()
            + " offset "
            + source.offset()
            + " while the schema registry is unavailable; it will be read again: "
            + firstLine(e.getMessage(), e.getClass().getSimpleName()),
        e);
  }

  /** Which kept text field of the event is too long to keep, or null when none is. */
  private static String overlongText(SpecificRecord event) {
    for (Schema.Field field : event.getSchema().getFields()) {
      if (!FREE_TEXT_FIELDS.contains(field.name())
          && event.get(field.pos()) instanceof CharSequence text
          && text.length() > MAX_KEPT_TEXT_CHARS) {
        return field.name()
            + " is "
            + text.length()
            + " characters long; the engine keeps at most "
            + MAX_KEPT_TEXT_CHARS
            + " of a word, id or name";
      }
    }
    return null;
  }

  /**
   * A record on another partition than its key's would be applied to a second, partial state of its
   * lead on another task. Dead-lettering it would lose the event for the rules; so it goes, bytes
   * and headers as they came, through the engine's own topic of misplaced events, which the Java
   * producer partitions by key, and comes back on the task that holds its lead. Late, but rules
   * take events by their own times, and eventIds keep it from counting twice.
   */
  private void reroute(Record<byte[], byte[]> record, DeadLetters.Source source) {
    Headers headers = new RecordHeaders(record.headers().toArray());
    headers.remove(REROUTED_FROM);
    headers.add(
        REROUTED_FROM,
        (source.topic() + "/" + source.partition() + "/" + source.offset())
            .getBytes(StandardCharsets.UTF_8));
    context.forward(
        new Record<Object, Object>(record.key(), record.value(), record.timestamp(), headers),
        rerouteNode);
    listener.rerouted(source.topic());
    // One line per thousand: a misconfigured producer sends many, and each is handled.
    if (rerouted++ % 1000 == 0) {
      LOG.warn(
          "Re-routed a record from {} partition {} offset {}: its key belongs on partition {}"
              + " (was it produced with a non-Java partitioner?); {} re-routed by this task",
          source.topic(),
          source.partition(),
          source.offset(),
          placement.expectedPartition(source.topic(), record.key()),
          rerouted);
    }
  }

  /** Why a time of the event is out of range, or null when every one is in range. */
  private static String outOfRangeTime(SpecificRecord event) {
    for (String name : TIME_FIELDS) {
      Schema.Field field = event.getSchema().getField(name);
      if (field != null
          && event.get(field.pos()) instanceof Instant at
          && (at.isBefore(EARLIEST_EVENT_TIME) || !at.isBefore(FIRST_REFUSED_EVENT_TIME))) {
        return name
            + " "
            + at
            + " is outside the times the engine accepts (1970 to 2200); is it in the wrong unit?";
      }
    }
    return null;
  }

  private void deadLetter(
      Record<byte[], byte[]> record,
      DeadLetters.Source source,
      DeadLetterReason reason,
      String detail) {
    DeadLetters.Letter letter =
        DeadLetters.of(
            record.key(),
            record.value(),
            record.headers(),
            source,
            reason,
            detail,
            deadLetterMaxBytes);
    DeadLetters.log(
        LOG,
        source,
        reason,
        letter,
        record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
        null);
    context.forward(
        new Record<Object, Object>(
            letter.key(), letter.value(), record.timestamp(), letter.headers()),
        deadLetterNode);
    listener.deadLettered(source.topic(), reason.token());
  }

  private static String firstLine(String message, String fallback) {
    if (message == null || message.isBlank()) {
      return fallback;
    }
    return message.lines().findFirst().orElse(fallback);
  }
}
