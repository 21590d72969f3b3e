package io.followup.sla.registry;

/** The embedded registry could not start; the message says why in one line. */
public class SchemaRegistryStartException extends RuntimeException {

  public SchemaRegistryStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
