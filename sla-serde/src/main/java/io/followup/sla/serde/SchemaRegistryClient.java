package io.followup.sla.serde;

import org.apache.avro.Schema;

/**
 * What the Avro serde needs from a Confluent-compatible schema registry. Implementations cache, so
 * the serde may call these for every record. Failures are {@link SchemaRegistryClientException}s.
 */
public interface SchemaRegistryClient {

  /**
   * Registers {@code schema} under {@code subject} (a no-op returning the existing id when it is
   * already there) and returns its global id.
   */
  int register(String subject, Schema schema);

  /**
   * The id of {@code schema} as already registered under {@code subject}, without registering it. A
   * schema or subject the registry does not know is a {@link SchemaRegistryClientException} whose
   * {@link SchemaRegistryClientException#isNotFound()} is true.
   */
  int lookupId(String subject, Schema schema);

  /**
   * The schema with this global id; an unknown id is a "not found" {@link
   * SchemaRegistryClientException}.
   */
  Schema schemaById(int id);

  /** Names the registry for error messages, e.g. "the schema registry at http://localhost:8081". */
  String describe();
}
