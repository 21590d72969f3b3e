package io.followup.sla.registry;

import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SchemaRegistryClientException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * A {@link SchemaRegistryClient} that calls a {@link SchemaRegistry} in the same process: the real
 * rules without HTTP, for TopologyTestDriver tests and for an engine running beside its embedded
 * registry. Failures carry the same {@code error_code}s the HTTP API would answer with.
 */
public final class InProcessSchemaRegistryClient implements SchemaRegistryClient {

  private final SchemaRegistry registry;
  private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();

  private record SubjectSchema(String subject, Schema schema) {}

  public InProcessSchemaRegistryClient(SchemaRegistry registry) {
    this.registry = registry;
  }

  /** A client of a fresh in-memory registry. */
  public static InProcessSchemaRegistryClient inMemory() {
    return new InProcessSchemaRegistryClient(SchemaRegistry.inMemory());
  }

  /** The registry behind this client. */
  public SchemaRegistry registry() {
    return registry;
  }

  @Override
  public int register(String subject, Schema schema) {
    // Cached like the HTTP client, so tests that push many records do not re-parse the schema each
    // time.
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = ids.get(key);
    if (cached != null) {
      return cached;
    }
    int id = call(() -> registry.register(subject, schema.toString()).id());
    ids.put(key, id);
    return id;
  }

  @Override
  public int lookupId(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = ids.get(key);
    if (cached != null) {
      return cached;
    }
    int id = call(() -> registry.lookup(subject, schema.toString(), null).id());
    ids.put(key, id);
    return id;
  }

  @Override
  public Schema schemaById(int id) {
    return call(() -> registry.schema(id));
  }

  @Override
  public String describe() {
    return "the in-process schema registry";
  }

  private static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (RegistryException e) {
      throw new SchemaRegistryClientException(e.httpStatus(), e.errorCode(), e.getMessage());
    }
  }
}
