package io.followup.sla.connect.crm.webhook;

import io.followup.sla.connect.crm.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the receiver and hands Connect what it verified and mapped. Only what the receiver logs
 * itself goes to the log: its port, never a URL (the Salesforce one holds a secret) or a payload.
 * The records are the engine's events already (mapped here, not by a transform, so that a payload
 * that cannot be mapped is answered 400 to the vendor while it waits); Connect's producer,
 * idempotent by default, writes them, and {@link #commitRecord} tells the waiting request.
 */
public final class WebhookSourceTask extends SourceTask {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookSourceTask.class);

  private final Clock clock;
  private Inbox inbox;
  private WebhookServer server;

  public WebhookSourceTask() {
    this(Clock.systemUTC());
  }

  WebhookSourceTask(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public void start(Map<String, String> props) {
    WebhookConfig config = new WebhookConfig(props);
    inbox = new Inbox();
    try {
      server = new WebhookServer(config, inbox, new WebhookMetrics(), clock);
    } catch (IOException | UncheckedIOException e) {
      throw new ConnectException("the webhook receiver cannot listen: " + e.getMessage(), e);
    }
    LOG.info("Webhook receiver listening on port {}", server.port());
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    return inbox.take(500);
  }

  @Override
  public void commitRecord(SourceRecord record, RecordMetadata metadata) {
    // metadata is null when a transform of the connector dropped the record: Connect is done
    // with it either way, and a retry would meet the same end.
    inbox.acknowledge(record);
  }

  @Override
  public void stop() {
    if (inbox != null) {
      inbox.close();
    }
    if (server != null) {
      server.close();
    }
  }
}
