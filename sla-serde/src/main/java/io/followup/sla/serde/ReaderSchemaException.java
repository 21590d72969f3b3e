package io.followup.sla.serde;

/**
 * The writer schema names a record this process cannot read into a generated class: no class of
 * that name on the classpath, not the type the deserializer was built for, or not compatible with
 * it.
 */
public class ReaderSchemaException extends AvroSerdeException {

  public ReaderSchemaException(String message) {
    super(message);
  }
}
