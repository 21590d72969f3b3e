package io.followup.sla.streams;

import java.util.Locale;

/**
 * Why a record went to the dead-letter topic: a short token that never changes, first in the {@code
 * sla.dead-letter.reason} header and the {@code reason} label of {@code sla_dead_letters_total}, so
 * scripts and alert rules can rely on it. A sentence for a person follows it in the header.
 */
public enum DeadLetterReason {
  /** The record has no key; lead events are keyed by leadId. */
  NULL_KEY,
  /** The record has no value: a tombstone on an event topic. */
  NULL_VALUE,
  /** The bytes are not Avro in the Confluent wire format, or name a schema the registry lacks. */
  UNDECODABLE,
  /** The value decodes, but to something other than a lead event. */
  NOT_A_LEAD_EVENT,
  /** A field every lead event needs is missing or blank; the sentence names the field. */
  INVALID_FIELD,
  /** The key is not the event's leadId, so the event may sit on another lead's partition. */
  KEY_MISMATCH,
  /** A timestamp of the event lies outside the times the engine accepts. */
  OUT_OF_RANGE_TIME,
  /** Rule code threw while applying the record; the sentence names the exception. */
  RULE_ERROR,
  /**
   * The record is on another partition than its key's, and re-routing could not put it right (see
   * {@link LeadEventDecoder}).
   */
  WRONG_PARTITION;

  /** The token as it appears in headers and metric labels, e.g. {@code out-of-range-time}. */
  public String token() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
