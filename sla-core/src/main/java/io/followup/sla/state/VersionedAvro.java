package io.followup.sla.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Engine-internal state as Avro binary behind one version byte: byte 0 names the schema the bytes
 * were written with, so a store or changelog written by an older engine is read through Avro's
 * schema resolution after an upgrade. Unlike the topics' wire format there is no registry to ask:
 * every version ever written ships with the engine.
 *
 * @param <R> the generated record of the current schema
 */
public final class VersionedAvro<R extends SpecificRecord> {

  private final int currentVersion;
  private final SpecificDatumWriter<R> writer;
  private final Map<Integer, SpecificDatumReader<R>> readers;

  /**
   * @param current the generated class's schema, written as {@code currentVersion}
   * @param older the schemas of earlier versions, by version, still readable
   */
  public VersionedAvro(Schema current, int currentVersion, Map<Integer, Schema> older) {
    if (currentVersion < 1 || currentVersion > 127 || older.containsKey(currentVersion)) {
      throw new IllegalArgumentException("bad state schema version " + currentVersion);
    }
    this.currentVersion = currentVersion;
    this.writer = new SpecificDatumWriter<>(current);
    Map<Integer, SpecificDatumReader<R>> byVersion = new HashMap<>();
    older.forEach((v, schema) -> byVersion.put(v, new SpecificDatumReader<>(schema, current)));
    byVersion.put(currentVersion, new SpecificDatumReader<>(current));
    this.readers = Map.copyOf(byVersion);
  }

  public byte[] encode(R record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(currentVersion);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      writer.write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * @throws StateFormatException when the bytes name no known version or do not decode
   */
  public R decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new StateFormatException("empty state record");
    }
    SpecificDatumReader<R> reader = readers.get((int) bytes[0]);
    if (reader == null) {
      throw new StateFormatException(
          "state written with schema version "
              + bytes[0]
              + ", which this engine does not know (it reads "
              + readers.keySet()
              + "): was it written by a newer engine?");
    }
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 1, bytes.length - 1, null);
    try {
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new StateFormatException("state record does not decode: " + e.getMessage(), e);
    }
  }
}
