package io.followup.sla.serde;

import org.apache.avro.Schema;

/** One version of a subject, as the registry answers for it. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {}
