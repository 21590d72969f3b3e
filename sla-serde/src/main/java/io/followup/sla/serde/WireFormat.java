package io.followup.sla.serde;

import java.nio.ByteBuffer;

/**
 * Confluent's wire format: byte 0 is the magic byte 0x00, bytes 1-4 the schema id (big-endian),
 * then the Avro binary datum. Subjects follow the topic-name strategy.
 */
public final class WireFormat {

  public static final byte MAGIC_BYTE = 0x00;
  public static final int HEADER_LENGTH = 5;

  private WireFormat() {}

  /**
   * The subject a topic's values (or keys) are registered under: {@code <topic>-value} or {@code
   * <topic>-key}.
   */
  public static String subject(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }

  /** Prefixes an Avro datum with the header for {@code schemaId}. */
  public static byte[] frame(int schemaId, byte[] datum) {
    return ByteBuffer.allocate(HEADER_LENGTH + datum.length)
        .put(MAGIC_BYTE)
        .putInt(schemaId)
        .put(datum)
        .array();
  }

  /** Writes the header into the first five bytes of {@code target}. */
  public static void writeHeader(byte[] target, int schemaId) {
    ByteBuffer.wrap(target, 0, HEADER_LENGTH).put(MAGIC_BYTE).putInt(schemaId);
  }

  /**
   * The schema id of a framed payload.
   *
   * @throws WireFormatException when the payload is shorter than the header or its first byte is
   *     not 0x00
   */
  public static int schemaId(byte[] payload) {
    if (payload.length < HEADER_LENGTH) {
      throw new WireFormatException(
          String.format(
              "not in the Confluent wire format: %d byte%s, shorter than its %d-byte header "
                  + "(magic byte 0x00 and a 4-byte schema id)",
              payload.length, payload.length == 1 ? "" : "s", HEADER_LENGTH));
    }
    byte first = payload[0];
    if (first != MAGIC_BYTE) {
      throw new WireFormatException(
          String.format(
              "not in the Confluent wire format: first byte is 0x%02x, expected 0x00%s",
              first & 0xff, hintFor(payload)));
    }
    return ByteBuffer.wrap(payload, 1, 4).getInt();
  }

  /** The Avro datum after the header; it shares {@code payload}'s bytes. */
  public static ByteBuffer datum(byte[] payload) {
    return ByteBuffer.wrap(payload, HEADER_LENGTH, payload.length - HEADER_LENGTH);
  }

  // The usual reason for a wrong first byte is a producer that never used a registry-aware
  // serializer;
  // naming the likely culprit saves whoever reads the dead-letter header a trip through a hex dump.
  private static String hintFor(byte[] payload) {
    byte first = payload[0];
    if (first == '{' || first == '[') {
      return " (is the producer writing plain JSON?)";
    }
    if (payload[0] == 'O' && payload[1] == 'b' && payload[2] == 'j' && payload[3] == 1) {
      return " (is the producer writing Avro container files instead of single records?)";
    }
    if (first >= 0x20 && first < 0x7f) {
      return " (is the producer writing plain text?)";
    }
    return "";
  }
}
