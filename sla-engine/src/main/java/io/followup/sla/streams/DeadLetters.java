package io.followup.sla.streams;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;

/**
 * The one dialect of the dead-letter topic, whoever writes to it: the original key and value bytes,
 * the original headers, and {@code sla.dead-letter.topic}, {@code .partition}, {@code .offset} and
 * {@code .reason} (a {@link DeadLetterReason} token, then ": " and a sentence). A fixed record can
 * be produced again as it was.
 */
public final class DeadLetters {

  public static final String TOPIC = "sla.dead-letter.topic";
  public static final String PARTITION = "sla.dead-letter.partition";
  public static final String OFFSET = "sla.dead-letter.offset";
  public static final String REASON = "sla.dead-letter.reason";

  /** Only on a dead letter that had to leave part of the original out: says what and why. */
  public static final String DROPPED = "sla.dead-letter.dropped";

  /**
   * The most a dead letter may weigh, framing included, when nothing better is known. A record that
   * just fit on its own topic can be refused once the dead-letter headers are added, and a refused
   * write fails the stream thread on the same record again and again. The running engine uses the
   * smaller of the dead-letter topic's {@code max.message.bytes} and the producer's {@code
   * max.request.size} instead (see {@code engine.DeadLetterLimit}); this is below Kafka's defaults
   * for both (1 MiB).
   */
  public static final int MAX_BYTES = 1_000_000;

  /**
   * The least limit a dead letter can be kept under: our own headers with a long reason and room
   * for the rest. A topic that takes less than this is a configuration mistake.
   */
  public static final int MIN_MAX_BYTES = 4096;

  /**
   * The most Kafka's framing adds to one record written alone: the record batch header (61 bytes)
   * and the record's own fields at their widest varint sizes (attributes, timestamp and offset
   * deltas, length, key and value lengths, header count: 36 bytes). Both the producer's size check
   * and the broker's count these, so the limit is checked with them.
   */
  static final int FRAMING_BYTES = 61 + 36;

  /** What framing adds per header at most: the varint lengths of its key and value. */
  static final int FRAMING_BYTES_PER_HEADER = 10;

  /** A reason is for reading: a longer sentence (a long exception message) is cut. */
  static final int MAX_REASON_CHARS = 500;

  /** Room kept for the {@link #DROPPED} header while deciding what has to go. */
  private static final int DROPPED_HEADER_ALLOWANCE = 512;

  private static final String OWN_PREFIX = "sla.dead-letter.";

  /** Kafka Streams' own dead-letter headers: never on this topic, even if the original had them. */
  private static final String KAFKA_PREFIX = "__streams.errors.";

  private DeadLetters() {}

  /** Where the original record is: what the headers point at. */
  public record Source(String topic, int partition, long offset) {

    static final Source UNKNOWN = new Source("unknown", -1, -1);

    static Source of(RecordMetadata metadata) {
      return metadata == null
          ? UNKNOWN
          : new Source(metadata.topic(), metadata.partition(), metadata.offset());
    }
  }

  /** A dead letter ready to write; {@code key} or {@code value} is null when it was left out. */
  public record Letter(byte[] key, byte[] value, Headers headers) {

    /**
     * Key, value and header bytes, with the most Kafka's framing adds: what counts against the
     * limit.
     */
    public int sizeInBytes() {
      return framed(size(key) + size(value) + size(headers), count(headers));
    }

    public String reason() {
      Header reason = headers.lastHeader(REASON);
      return reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8);
    }
  }

  /** The dead letter of one record, under {@link #MAX_BYTES}. */
  public static Letter of(
      byte[] key,
      byte[] value,
      Headers original,
      Source source,
      DeadLetterReason reason,
      String detail) {
    return of(key, value, original, source, reason, detail, MAX_BYTES);
  }

  /**
   * The dead letter of one record. Under {@code maxBytes} (framing included) whatever the original
   * weighed: if need be the value or the original headers (the larger first), then the key are left
   * out, and {@link #DROPPED} says so; the source headers still point at the original.
   *
   * @param detail the sentence after the reason's token, or null for the token alone
   * @param maxBytes the most the dead-letter topic and its producer accept, at least {@link
   *     #MIN_MAX_BYTES}
   */
  public static Letter of(
      byte[] key,
      byte[] value,
      Headers original,
      Source source,
      DeadLetterReason reason,
      String detail,
      int maxBytes) {
    if (maxBytes < MIN_MAX_BYTES) {
      throw new IllegalArgumentException(
          "a dead letter needs at least " + MIN_MAX_BYTES + " bytes, not " + maxBytes);
    }
    Headers own = new RecordHeaders();
    own.add(TOPIC, bytes(source.topic()));
    own.add(PARTITION, bytes(Integer.toString(source.partition())));
    own.add(OFFSET, bytes(Long.toString(source.offset())));
    own.add(REASON, bytes(reasonText(reason, detail)));
    Headers carried = carried(original);

    // Whatever the original weighed, the dead letter must be writable: the larger of value and
    // original headers goes first, then the other, the key last.
    List<String> dropped = new ArrayList<>();
    // Our headers, the DROPPED header's room, and the framing of every header that may be written.
    int budget =
        maxBytes - framed(size(own) + DROPPED_HEADER_ALLOWANCE, count(own) + count(carried) + 1);
    if (size(key) + size(value) + size(carried) > budget
        && size(value) > 0
        && size(value) >= size(carried)) {
      dropped.add("the value (" + size(value) + " bytes)");
      value = null;
    }
    if (size(key) + size(value) + size(carried) > budget && size(carried) > 0) {
      dropped.add("the original headers (" + size(carried) + " bytes)");
      carried = new RecordHeaders();
    }
    if (size(key) + size(value) + size(carried) > budget && size(value) > 0) {
      dropped.add("the value (" + size(value) + " bytes)");
      value = null;
    }
    if (size(key) + size(value) + size(carried) > budget) {
      dropped.add("the key (" + size(key) + " bytes)");
      key = null;
    }
    own.forEach(carried::add);
    if (!dropped.isEmpty()) {
      carried.add(
          DROPPED,
          bytes(
              String.join(", ", dropped)
                  + " left out to keep the dead letter under "
                  + maxBytes
                  + " bytes; the original is still at the topic, partition and offset above"));
    }
    return new Letter(key, value, carried);
  }

  /**
   * Logs a dead letter: at WARN only where the record is and the reason's token, since a record
   * holds lead data; at DEBUG the key and the whole reason, with the exception if there was one.
   */
  static void log(
      Logger log,
      Source source,
      DeadLetterReason reason,
      Letter letter,
      String key,
      Throwable cause) {
    log.warn(
        "Dead-lettered a record from {} partition {} offset {}: {}",
        source.topic(),
        source.partition(),
        source.offset(),
        reason.token());
    if (log.isDebugEnabled()) {
      log.debug(
          "Dead letter from {} partition {} offset {} has key {}: {}",
          source.topic(),
          source.partition(),
          source.offset(),
          key,
          letter.reason(),
          cause);
    }
  }

  private static String reasonText(DeadLetterReason reason, String detail) {
    if (detail == null || detail.isBlank()) {
      return reason.token();
    }
    String sentence = detail.strip();
    if (sentence.length() > MAX_REASON_CHARS) {
      sentence = sentence.substring(0, MAX_REASON_CHARS - 3) + "...";
    }
    return reason.token() + ": " + sentence;
  }

  private static Headers carried(Headers original) {
    Headers headers = new RecordHeaders();
    if (original != null) {
      for (Header header : original) {
        if (!header.key().startsWith(OWN_PREFIX) && !header.key().startsWith(KAFKA_PREFIX)) {
          headers.add(header);
        }
      }
    }
    return headers;
  }

  private static int framed(int bytes, int headers) {
    return bytes + FRAMING_BYTES + FRAMING_BYTES_PER_HEADER * headers;
  }

  private static int count(Headers headers) {
    int count = 0;
    for (Header ignored : headers) {
      count++;
    }
    return count;
  }

  private static int size(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }

  private static int size(Headers headers) {
    int size = 0;
    for (Header header : headers) {
      size += header.key().getBytes(StandardCharsets.UTF_8).length + size(header.value());
    }
    return size;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
