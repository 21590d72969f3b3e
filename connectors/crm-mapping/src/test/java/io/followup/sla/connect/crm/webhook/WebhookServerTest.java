package io.followup.sla.connect.crm.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.connect.crm.webhook.WebhookMetrics.Outcome;
import io.followup.sla.connect.crm.webhook.WebhookMetrics.Refusal;
import io.followup.sla.connect.crm.webhook.WebhookMetrics.Source;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The receiver's answers that a Connect worker cannot easily provoke: no acknowledgement in time
 * (503), a stale signature (401), an event that is no SLA event (200, counted as ignored). The
 * worker's side is played by a thread that takes from the inbox and acknowledges, as poll() and
 * commitRecord do.
 */
class WebhookServerTest {

  private static final String SECRET = "unit-secret";
  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Inbox inbox = new Inbox();
  private final WebhookMetrics metrics = new WebhookMetrics();
  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private WebhookServer server;

  private WebhookServer start(long ackTimeoutMs) throws Exception {
    WebhookConfig config =
        new WebhookConfig(
            Map.of(
                WebhookConfig.LISTENER_HOST,
                "127.0.0.1",
                WebhookConfig.LISTENER_PORT,
                "0",
                WebhookConfig.HUBSPOT_APP_SECRET,
                SECRET,
                WebhookConfig.ACK_TIMEOUT_MS,
                String.valueOf(ackTimeoutMs)));
    server = new WebhookServer(config, inbox, metrics, Clock.fixed(NOW, ZoneOffset.UTC));
    return server;
  }

  @AfterEach
  void stop() {
    worker.shutdownNow();
    inbox.close();
    if (server != null) {
      server.close();
    }
  }

  /** Takes what the receiver queued and acknowledges it, as the worker does once written. */
  private void acknowledgeEverything() {
    worker.submit(
        () -> {
          while (!Thread.currentThread().isInterrupted()) {
            List<SourceRecord> batch = inbox.take(100);
            if (batch != null) {
              batch.forEach(inbox::acknowledge);
            }
          }
          return null;
        });
  }

  private HttpResponse<String> post(String body, Instant signedAt) throws Exception {
    String url = "http://127.0.0.1:" + server.port() + "/hubspot";
    String timestamp = String.valueOf(signedAt.toEpochMilli());
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String signature =
        new HubSpotSignature(SECRET, Clock.fixed(signedAt, ZoneOffset.UTC))
            .sign("POST", url, bytes, timestamp);
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header(HubSpotSignature.TIMESTAMP_HEADER, timestamp)
            .header(HubSpotSignature.SIGNATURE_HEADER, signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String creation(long contact) {
    return "{\"eventId\":5,\"subscriptionType\":\"contact.creation\",\"objectId\":"
        + contact
        + ",\"occurredAt\":"
        + NOW.toEpochMilli()
        + ",\"changeSource\":\"FORM\"}";
  }

  @Test
  void recordsNotAcknowledgedInTimeAreAnswered503ForTheVendorToRetry() throws Exception {
    start(300);

    HttpResponse<String> answer = post(creation(1), NOW);

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(metrics.prometheus())
        .contains("crm_webhook_refused_total{source=\"hubspot\",reason=\"not_acknowledged\"} 1\n")
        .contains("crm_webhook_events_total{source=\"hubspot\",outcome=\"mapped\"} 0\n");
  }

  @Test
  void acknowledgedRecordsAreAnswered200AndCounted() throws Exception {
    start(5_000);
    acknowledgeEverything();

    HttpResponse<String> answer = post("[" + creation(1) + "," + creation(2) + "]", NOW);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(metrics.prometheus())
        .contains("crm_webhook_events_total{source=\"hubspot\",outcome=\"mapped\"} 2\n");
  }

  @Test
  void anEventThatIsNoSlaEventIsAnswered200AndCountedAsIgnored() throws Exception {
    start(5_000);
    String lifecycleLead =
        "{\"eventId\":6,\"subscriptionType\":\"contact.propertyChange\",\"objectId\":3,"
            + "\"propertyName\":\"lifecyclestage\",\"propertyValue\":\"lead\",\"occurredAt\":"
            + NOW.toEpochMilli()
            + "}";

    assertThat(post(lifecycleLead, NOW).statusCode()).isEqualTo(200);
    assertThat(metrics.prometheus())
        .contains("crm_webhook_events_total{source=\"hubspot\",outcome=\"ignored\"} 1\n");
  }

  @Test
  void aCorrectlySignedButStaleRequestIsRefused() throws Exception {
    start(5_000);

    HttpResponse<String> answer = post(creation(1), NOW.minusSeconds(6 * 60));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("more than 5 minutes");
    assertThat(metrics.prometheus())
        .contains("crm_webhook_refused_total{source=\"hubspot\",reason=\"stale_timestamp\"} 1\n");
    assertThat(inbox.take(0)).isNull();
  }

  @Test
  void seriesExistAtZeroForEverySourceAndReason() {
    String text = metrics.prometheus();
    for (Refusal refusal : Refusal.values()) {
      assertThat(text)
          .contains(
              "crm_webhook_refused_total{source=\"hubspot\",reason=\""
                  + WebhookMetrics.label(refusal)
                  + "\"} 0\n");
    }
    metrics.count(Source.HUBSPOT, Outcome.MAPPED);
    assertThat(metrics.prometheus())
        .contains("crm_webhook_events_total{source=\"hubspot\",outcome=\"mapped\"} 1\n");
  }
}
