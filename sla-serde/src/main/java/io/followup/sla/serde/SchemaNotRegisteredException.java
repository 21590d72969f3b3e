package io.followup.sla.serde;

/**
 * With auto-registration off, the record's schema is not registered under the subject it is written
 * to.
 */
public class SchemaNotRegisteredException extends AvroSerdeException {

  public SchemaNotRegisteredException(String message, Throwable cause) {
    super(message, cause);
  }
}
