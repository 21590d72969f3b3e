package io.followup.sla.connect.crm.webhook;

import io.followup.sla.connect.crm.event.RecordMapper;
import io.followup.sla.connect.crm.payload.MappingException;
import io.followup.sla.connect.crm.webhook.WebhookMetrics.Outcome;
import io.followup.sla.connect.crm.webhook.WebhookMetrics.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Maps the payloads of one request with their vendor's mapping, hands the records to Connect
 * through the {@link Inbox} and waits for its acknowledgement, counting what became of each. Every
 * vendor's endpoint delivers this way and only answers in its own words.
 */
final class Delivery {

  /**
   * What became of a request's payloads: whether Connect acknowledged every record in time, and the
   * reasons of those that could not be mapped, written to the dead letter topic or (without one)
   * refused and written nowhere.
   */
  record Result(
      boolean acknowledged, int payloads, List<String> deadLettered, List<String> refused) {

    /** The first reason a payload was not mapped, if any. */
    String firstReason() {
      return !refused.isEmpty()
          ? refused.get(0)
          : deadLettered.isEmpty() ? "" : deadLettered.get(0);
    }

    int unmapped() {
      return deadLettered.size() + refused.size();
    }
  }

  private final Inbox inbox;
  private final WebhookMetrics metrics;
  private final String rawTopic;
  private final long ackTimeoutMs;

  Delivery(Inbox inbox, WebhookMetrics metrics, String rawTopic, long ackTimeoutMs) {
    this.inbox = inbox;
    this.metrics = metrics;
    this.rawTopic = rawTopic;
    this.ackTimeoutMs = ackTimeoutMs;
  }

  Result deliver(Vendor vendor, List<String> payloads) {
    List<SourceRecord> out = new ArrayList<>();
    int mapped = 0;
    int ignored = 0;
    List<String> deadLettered = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (String payload : payloads) {
      SourceRecord raw =
          new SourceRecord(
              Map.of("webhook", WebhookMetrics.label(vendor.source())),
              Map.of(),
              rawTopic,
              null,
              null,
              null,
              Schema.STRING_SCHEMA,
              payload);
      SourceRecord record;
      try {
        record = vendor.records().apply(raw, vendor.mapping());
      } catch (MappingException e) {
        // No dead letter topic configured: refused, and nothing written for it.
        refused.add(e.getMessage());
        continue;
      }
      if (record == null) {
        ignored++;
        continue;
      }
      Header reason = record.headers().lastWithName(RecordMapper.HEADER_REASON);
      if (reason != null) {
        deadLettered.add(String.valueOf(reason.value()));
      } else {
        mapped++;
      }
      out.add(record);
    }
    try {
      inbox.submit(out).get(ackTimeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return notAcknowledged(vendor, out, payloads.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return notAcknowledged(vendor, out, payloads.size());
    }
    for (int i = 0; i < mapped; i++) {
      metrics.count(vendor.source(), Outcome.MAPPED);
    }
    for (int i = 0; i < ignored; i++) {
      metrics.count(vendor.source(), Outcome.IGNORED);
    }
    for (int i = 0; i < deadLettered.size() + refused.size(); i++) {
      metrics.refuse(vendor.source(), Refusal.UNMAPPABLE);
    }
    return new Result(true, payloads.size(), List.copyOf(deadLettered), List.copyOf(refused));
  }

  private Result notAcknowledged(Vendor vendor, List<SourceRecord> out, int payloads) {
    inbox.abandon(out);
    metrics.refuse(vendor.source(), Refusal.NOT_ACKNOWLEDGED);
    return new Result(false, payloads, List.of(), List.of());
  }
}
