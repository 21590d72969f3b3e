package io.followup.sla.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Base of every error the Avro serde raises. Its message is a single line a person understands and
 * carries no record contents: the engine copies it into a dead-letter header.
 */
public class AvroSerdeException extends SerializationException {

  public AvroSerdeException(String message) {
    super(message);
  }

  public AvroSerdeException(String message, Throwable cause) {
    super(message, cause);
  }
}
