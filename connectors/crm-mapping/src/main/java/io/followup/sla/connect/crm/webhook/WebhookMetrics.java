package io.followup.sla.connect.crm.webhook;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * What came in over the webhooks, counted where it happens and served as Prometheus text on the
 * receiver's {@code GET /metrics}: events written, events that are no SLA event, and requests
 * refused by reason. Labels come from fixed enums, so a misbehaving caller cannot grow the series.
 */
public final class WebhookMetrics {

  /** The vendors that post here. */
  public enum Source {
    HUBSPOT,
    SALESFORCE,
    MARKETO
  }

  /** What became of one vendor event that was let in. */
  public enum Outcome {
    /** Mapped and acknowledged by Connect on its event topic. */
    MAPPED,
    /** Understood, and no SLA event (e.g. a lifecycle stage the status map ignores). */
    IGNORED
  }

  /** Why a request, or one event of it, was refused. */
  public enum Refusal {
    /** The signature is missing or does not match (401). */
    SIGNATURE,
    /** The shared secret (Salesforce's in the URL, Marketo's header) is missing or wrong (401). */
    SECRET,
    /** A Salesforce outbound message from another organization than the configured one (403). */
    ORGANIZATION,
    /** The signed timestamp is older than five minutes (401). */
    STALE_TIMESTAMP,
    /** The body is over the size limit (413). */
    TOO_LARGE,
    /** Not a POST, or the body is not what the vendor sends (JSON, a SOAP message) (400). */
    BAD_REQUEST,
    /** An event the mapping cannot read: it went to the dead letter topic. */
    UNMAPPABLE,
    /** Connect did not acknowledge the records in time (503: the vendor retries). */
    NOT_ACKNOWLEDGED
  }

  private final LongAdder[][] outcomes =
      new LongAdder[Source.values().length][Outcome.values().length];
  private final LongAdder[][] refusals =
      new LongAdder[Source.values().length][Refusal.values().length];

  public WebhookMetrics() {
    for (Source source : Source.values()) {
      for (Outcome outcome : Outcome.values()) {
        outcomes[source.ordinal()][outcome.ordinal()] = new LongAdder();
      }
      for (Refusal refusal : Refusal.values()) {
        refusals[source.ordinal()][refusal.ordinal()] = new LongAdder();
      }
    }
  }

  public void count(Source source, Outcome outcome) {
    outcomes[source.ordinal()][outcome.ordinal()].increment();
  }

  public void refuse(Source source, Refusal refusal) {
    refusals[source.ordinal()][refusal.ordinal()].increment();
  }

  /** Every series, zeros included, so a dashboard shows a flat line rather than no data. */
  public String prometheus() {
    StringBuilder out = new StringBuilder();
    out.append(
        "# HELP crm_webhook_events_total Vendor webhook events let in, by what became of them.\n");
    out.append("# TYPE crm_webhook_events_total counter\n");
    for (Source source : Source.values()) {
      for (Outcome outcome : Outcome.values()) {
        out.append("crm_webhook_events_total{source=\"")
            .append(label(source))
            .append("\",outcome=\"")
            .append(label(outcome))
            .append("\"} ")
            .append(outcomes[source.ordinal()][outcome.ordinal()].sum())
            .append('\n');
      }
    }
    out.append("# HELP crm_webhook_refused_total Vendor webhook requests or events refused.\n");
    out.append("# TYPE crm_webhook_refused_total counter\n");
    for (Source source : Source.values()) {
      for (Refusal refusal : Refusal.values()) {
        out.append("crm_webhook_refused_total{source=\"")
            .append(label(source))
            .append("\",reason=\"")
            .append(label(refusal))
            .append("\"} ")
            .append(refusals[source.ordinal()][refusal.ordinal()].sum())
            .append('\n');
      }
    }
    return out.toString();
  }

  static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
