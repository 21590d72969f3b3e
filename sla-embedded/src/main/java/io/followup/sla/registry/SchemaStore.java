package io.followup.sla.registry;

import java.util.List;

/**
 * Where the registry keeps what it was told, as a log of entries replayed in order on start. The
 * registry is the only writer: it appends, then applies the entry to its own state.
 */
public interface SchemaStore extends AutoCloseable {

  /** One change to the registry. */
  sealed interface Entry permits SchemaEntry, ConfigEntry, PurgedVersion {}

  /**
   * Version {@code version} of {@code subject} is schema {@code id}; {@code deleted} marks a soft
   * delete. {@code schemaType} is null for Avro, as Confluent writes it.
   */
  record SchemaEntry(
      String subject, int version, int id, String schema, String schemaType, boolean deleted)
      implements Entry {}

  /**
   * The compatibility level of {@code subject}, or the global one when {@code subject} is null; a
   * null level removes it.
   */
  record ConfigEntry(String subject, CompatibilityLevel level) implements Entry {}

  /** A version removed for good (a tombstone another registry may have written); only ever read. */
  record PurgedVersion(String subject, int version) implements Entry {}

  /** Every entry stored so far, oldest first. */
  List<Entry> load();

  /** Stores {@code entry} durably and returns only once it is; throws when it cannot. */
  void append(Entry entry);

  @Override
  void close();
}
