package io.followup.sla.serde;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * Avro's binary decoder over one record's bytes, refusing a length or a count the bytes left cannot
 * hold before anything is allocated for it. Avro allocates a string, bytes or an array for the
 * length a datum states, and only then finds the input short: a 66-byte record stating a string of
 * a gigabyte made the deserializer allocate a gigabyte and fail with an {@link OutOfMemoryError}
 * (or, in a large heap, take seconds), which no dead-letter handler catches. Every item of an array
 * or map of the event schemas takes at least one byte, so a count is bounded by the bytes left too.
 */
final class BoundedDecoder extends Decoder {

  private final BinaryDecoder in;

  /** The decoder's own view of its input, aware of what it has buffered: exactly the bytes left. */
  private final InputStream left;

  BoundedDecoder(byte[] data, int offset, int length) {
    this.in = DecoderFactory.get().binaryDecoder(data, offset, length, null);
    this.left = in.inputStream();
  }

  private int bounded(long length, String what) throws IOException {
    int available = left.available();
    if (length < 0 || length > available) {
      throw new EOFException(
          "the datum states " + what + " of " + length + " but has " + available + " bytes left");
    }
    return (int) length;
  }

  @Override
  public void readNull() throws IOException {
    in.readNull();
  }

  @Override
  public boolean readBoolean() throws IOException {
    return in.readBoolean();
  }

  @Override
  public int readInt() throws IOException {
    return in.readInt();
  }

  @Override
  public long readLong() throws IOException {
    return in.readLong();
  }

  @Override
  public float readFloat() throws IOException {
    return in.readFloat();
  }

  @Override
  public double readDouble() throws IOException {
    return in.readDouble();
  }

  @Override
  public Utf8 readString(Utf8 old) throws IOException {
    int length = bounded(in.readLong(), "a string");
    Utf8 result = old != null ? old : new Utf8();
    result.setByteLength(length);
    in.readFixed(result.getBytes(), 0, length);
    return result;
  }

  @Override
  public String readString() throws IOException {
    return readString(null).toString();
  }

  @Override
  public void skipString() throws IOException {
    in.skipFixed(bounded(in.readLong(), "a string"));
  }

  @Override
  public ByteBuffer readBytes(ByteBuffer old) throws IOException {
    int length = bounded(in.readLong(), "bytes");
    ByteBuffer result =
        old != null && old.capacity() >= length ? old.clear() : ByteBuffer.allocate(length);
    in.readFixed(result.array(), result.arrayOffset(), length);
    result.limit(length);
    return result;
  }

  @Override
  public void skipBytes() throws IOException {
    in.skipFixed(bounded(in.readLong(), "bytes"));
  }

  @Override
  public void readFixed(byte[] bytes, int start, int length) throws IOException {
    in.readFixed(bytes, start, length);
  }

  @Override
  public void skipFixed(int length) throws IOException {
    in.skipFixed(length);
  }

  @Override
  public int readEnum() throws IOException {
    return in.readEnum();
  }

  @Override
  public long readArrayStart() throws IOException {
    return bounded(in.readArrayStart(), "an array");
  }

  @Override
  public long arrayNext() throws IOException {
    return bounded(in.arrayNext(), "an array");
  }

  @Override
  public long skipArray() throws IOException {
    return in.skipArray();
  }

  @Override
  public long readMapStart() throws IOException {
    return bounded(in.readMapStart(), "a map");
  }

  @Override
  public long mapNext() throws IOException {
    return bounded(in.mapNext(), "a map");
  }

  @Override
  public long skipMap() throws IOException {
    return in.skipMap();
  }

  @Override
  public int readIndex() throws IOException {
    return in.readIndex();
  }
}
