package io.followup.sla.streams;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The headers of a dead letter: where the record came from and why the engine could not use it. Key
 * and value stay the original bytes, so a fixed record can be produced again as it was.
 */
public final class DeadLetters {

  public static final String TOPIC = "sla.dead-letter.topic";
  public static final String PARTITION = "sla.dead-letter.partition";
  public static final String OFFSET = "sla.dead-letter.offset";
  public static final String REASON = "sla.dead-letter.reason";

  private DeadLetters() {}

  /** The record's own headers plus the dead-letter ones. */
  public static Headers headers(Headers original, RecordMetadata source, String reason) {
    Headers headers = new RecordHeaders(original.toArray());
    headers.add(TOPIC, bytes(source == null ? "unknown" : source.topic()));
    headers.add(PARTITION, bytes(source == null ? "-1" : Integer.toString(source.partition())));
    headers.add(OFFSET, bytes(source == null ? "-1" : Long.toString(source.offset())));
    headers.add(REASON, bytes(reason));
    return headers;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
