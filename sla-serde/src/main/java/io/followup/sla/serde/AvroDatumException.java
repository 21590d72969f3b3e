package io.followup.sla.serde;

/**
 * The Avro datum itself could not be encoded or decoded (truncated, corrupt, or a required field is
 * null).
 */
public class AvroDatumException extends AvroSerdeException {

  public AvroDatumException(String message, Throwable cause) {
    super(message, cause);
  }
}
