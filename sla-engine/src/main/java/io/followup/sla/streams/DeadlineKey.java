package io.followup.sla.streams;

import io.followup.sla.policy.RuleId;
import io.followup.sla.rules.Deadline;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The deadline index's key: the deadline as 8 big-endian bytes, then the rule and the lead. Byte
 * order is time order, so a range scan from the start up to {@link #upTo(Instant)} visits exactly
 * the deadlines that are due, however many clocks are open.
 */
public final class DeadlineKey {

  private static final byte SEPARATOR = 0;

  private DeadlineKey() {}

  public static byte[] encode(Deadline deadline) {
    byte[] key = deadline.key().getBytes(StandardCharsets.UTF_8);
    byte[] rule = deadline.rule().id().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(Long.BYTES + rule.length + 1 + key.length)
        .putLong(deadline.at().toEpochMilli())
        .put(rule)
        .put(SEPARATOR)
        .put(key)
        .array();
  }

  public static Deadline decode(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long at = buffer.getLong();
    int ruleStart = Long.BYTES;
    int separator = ruleStart;
    while (bytes[separator] != SEPARATOR) {
      separator++;
    }
    String rule = new String(bytes, ruleStart, separator - ruleStart, StandardCharsets.UTF_8);
    String key =
        new String(bytes, separator + 1, bytes.length - separator - 1, StandardCharsets.UTF_8);
    return new Deadline(
        Instant.ofEpochMilli(at),
        key,
        RuleId.fromId(rule)
            .orElseThrow(
                () -> new IllegalArgumentException("unknown rule in deadline key: " + rule)));
  }

  /** The smallest key of all. Deadlines before 1970 don't occur: epoch millis are non-negative. */
  public static byte[] first() {
    return new byte[Long.BYTES];
  }

  /** An upper bound (inclusive) above every key whose deadline is at or before {@code now}. */
  public static byte[] upTo(Instant now) {
    return ByteBuffer.allocate(Long.BYTES + 1).putLong(now.toEpochMilli()).put((byte) 0xFF).array();
  }
}
