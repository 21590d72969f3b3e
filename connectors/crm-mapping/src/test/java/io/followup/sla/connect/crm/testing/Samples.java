package io.followup.sla.connect.crm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

/** The vendor payload samples under test resources, as a source connector would hand them on. */
public final class Samples {

  private Samples() {}

  /** A sample's JSON text, e.g. {@code salesforce/lead-create.json}. */
  public static String json(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/vendor/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A record of a source connector that writes the payload as JSON text. */
  public static SourceRecord record(String topic, Object value) {
    return new SourceRecord(
        Map.of("source", "sample"),
        Map.of("position", 1),
        topic,
        null,
        null,
        null,
        value instanceof String ? Schema.STRING_SCHEMA : null,
        value,
        1_900_000_000_000L);
  }
}
