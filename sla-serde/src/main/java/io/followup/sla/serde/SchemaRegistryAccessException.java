package io.followup.sla.serde;

/**
 * The schema registry could not be used: unreachable, refusing the credentials, or failing. Unlike
 * the other serde errors this says nothing about the record, so callers may retry instead of
 * dead-lettering it.
 */
public class SchemaRegistryAccessException extends AvroSerdeException {

  public SchemaRegistryAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
