package io.followup.sla.serde;

/**
 * The bytes are not framed as Confluent's wire format (wrong magic byte, or shorter than the
 * header).
 */
public class WireFormatException extends AvroSerdeException {

  public WireFormatException(String message) {
    super(message);
  }
}
