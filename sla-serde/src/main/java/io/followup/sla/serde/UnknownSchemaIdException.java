package io.followup.sla.serde;

/** The schema id in a record's header is not known to the schema registry. */
public class UnknownSchemaIdException extends AvroSerdeException {

  private final int schemaId;

  public UnknownSchemaIdException(int schemaId, String message, Throwable cause) {
    super(message, cause);
    this.schemaId = schemaId;
  }

  public int schemaId() {
    return schemaId;
  }
}
