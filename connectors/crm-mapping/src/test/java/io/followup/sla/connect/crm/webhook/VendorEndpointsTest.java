package io.followup.sla.connect.crm.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.connect.crm.event.RecordMapper;
import io.followup.sla.connect.crm.testing.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Salesforce and Marketo endpoints' answers: the SOAP Ack once every record is acknowledged, a
 * SOAP fault when not in time, refusals for a wrong secret or organization with nothing written,
 * and Marketo's shared-secret header. The worker's side is a thread that takes from the inbox and
 * acknowledges, as poll() and commitRecord do, and keeps what it took.
 */
class VendorEndpointsTest {

  private static final String SF_SECRET = "sf-secret-0123456789-abcdefghijklmnop";
  private static final String MARKETO_SECRET = "marketo-shared-secret";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Inbox inbox = new Inbox();
  private final WebhookMetrics metrics = new WebhookMetrics();
  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private final List<SourceRecord> written = new CopyOnWriteArrayList<>();
  private WebhookServer server;

  private void start(long ackTimeoutMs, Map<String, String> extra) throws Exception {
    Map<String, String> props = new HashMap<>();
    props.put(WebhookConfig.LISTENER_HOST, "127.0.0.1");
    props.put(WebhookConfig.LISTENER_PORT, "0");
    props.put(WebhookConfig.ACK_TIMEOUT_MS, String.valueOf(ackTimeoutMs));
    props.put(WebhookConfig.SALESFORCE_SECRET, SF_SECRET);
    // The 15-character form; the messages carry the 18-character one.
    props.put(WebhookConfig.SALESFORCE_ORGANIZATION, "00D5e000000KQ2e");
    props.put(WebhookConfig.MARKETO_SECRET, MARKETO_SECRET);
    props.putAll(extra);
    WebhookConfig config = new WebhookConfig(props);
    assertThat(config.problems()).isEmpty();
    server = new WebhookServer(config, inbox, metrics, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    worker.shutdownNow();
    inbox.close();
    if (server != null) {
      server.close();
    }
  }

  private void acknowledgeEverything() {
    worker.submit(
        () -> {
          while (!Thread.currentThread().isInterrupted()) {
            List<SourceRecord> batch = inbox.take(100);
            if (batch != null) {
              written.addAll(batch);
              batch.forEach(inbox::acknowledge);
            }
          }
          return null;
        });
  }

  private HttpResponse<String> post(String pathAndQuery, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> salesforce(String pathAndQuery, String sample) throws Exception {
    return post(
        pathAndQuery,
        Samples.json(sample),
        Map.of("Content-Type", "text/xml; charset=utf-8", "SOAPAction", "\"\""));
  }

  private String metric(String source, String reason) {
    String series =
        "crm_webhook_refused_total{source=\"" + source + "\",reason=\"" + reason + "\"} ";
    for (String line : metrics.prometheus().split("\n")) {
      if (line.startsWith(series)) {
        return line.substring(series.length());
      }
    }
    throw new AssertionError("no series " + series);
  }

  @Test
  void anOutboundMessageIsAckedOnceItsRecordsAreWritten() throws Exception {
    start(5_000, Map.of());
    acknowledgeEverything();

    HttpResponse<String> answer =
        salesforce("/salesforce/" + SF_SECRET, "salesforce/outbound-lead-created.xml");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).contains("text/xml; charset=utf-8");
    assertThat(answer.body())
        .contains(
            "<notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\">"
                + "<Ack>true</Ack></notificationsResponse>");
    assertThat(written)
        .singleElement()
        .satisfies(r -> assertThat(r.topic()).isEqualTo("leads.lead-created"));
    assertThat(metrics.prometheus())
        .contains("crm_webhook_events_total{source=\"salesforce\",outcome=\"mapped\"} 1\n");
  }

  @Test
  void theSecretMayComeAsTheTokenParameter() throws Exception {
    start(5_000, Map.of());
    acknowledgeEverything();

    assertThat(
            salesforce("/salesforce?token=" + SF_SECRET, "salesforce/outbound-task-call.xml")
                .statusCode())
        .isEqualTo(200);
    assertThat(written)
        .singleElement()
        .satisfies(r -> assertThat(r.topic()).isEqualTo("leads.rep-touched"));
  }

  @Test
  void aMissingOrWrongSecretIsRefused401WithNothingWritten() throws Exception {
    start(5_000, Map.of());
    acknowledgeEverything();

    HttpResponse<String> wrong =
        salesforce("/salesforce/" + SF_SECRET + "x", "salesforce/outbound-lead-created.xml");
    HttpResponse<String> missing =
        salesforce("/salesforce", "salesforce/outbound-lead-created.xml");

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(wrong.body())
        .contains("<faultcode>soapenv:Client</faultcode>")
        .contains("secret is missing or wrong")
        .doesNotContain(SF_SECRET);
    assertThat(metric("salesforce", "secret")).isEqualTo("2");
    assertThat(inbox.take(200)).isNull();
    assertThat(written).isEmpty();
  }

  @Test
  void anotherOrganizationIsRefused403WithNothingWritten() throws Exception {
    start(5_000, Map.of(WebhookConfig.SALESFORCE_ORGANIZATION, "00D5e000000ZZ9z"));
    acknowledgeEverything();

    HttpResponse<String> answer =
        salesforce("/salesforce/" + SF_SECRET, "salesforce/outbound-lead-created.xml");

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("OrganizationId is not the configured organization");
    assertThat(metric("salesforce", "organization")).isEqualTo("1");
    assertThat(written).isEmpty();
  }

  @Test
  void notWrittenInTimeIsASoapFault500ForSalesforceToRetry() throws Exception {
    start(300, Map.of());

    HttpResponse<String> answer =
        salesforce("/salesforce/" + SF_SECRET, "salesforce/outbound-lead-created.xml");

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.body())
        .contains("<soapenv:Fault><faultcode>soapenv:Server</faultcode>")
        .doesNotContain("<Ack>");
    assertThat(metric("salesforce", "not_acknowledged")).isEqualTo("1");
  }

  @Test
  void anUnmappableNotificationIsDeadLetteredAndTheMessageAcked() throws Exception {
    start(
        5_000,
        Map.of(
            "salesforce.status.map", "Open - Not Contacted=ASSIGNED",
            "salesforce.dead-letter.topic", "crm.dead-letters"));
    acknowledgeEverything();

    HttpResponse<String> answer =
        salesforce("/salesforce/" + SF_SECRET, "salesforce/outbound-lead-updated.xml");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("<Ack>true</Ack>");
    assertThat(written)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.topic()).isEqualTo("crm.dead-letters");
              assertThat(r.headers().lastWithName(RecordMapper.HEADER_REASON).value().toString())
                  .contains("is not in status.map");
            });
    assertThat(metric("salesforce", "unmappable")).isEqualTo("1");
  }

  @Test
  void anUnmappableNotificationWithoutADeadLetterTopicIsAFaultNamingTheReason() throws Exception {
    start(5_000, Map.of("salesforce.status.map", "Open - Not Contacted=ASSIGNED"));
    acknowledgeEverything();

    HttpResponse<String> answer =
        salesforce("/salesforce/" + SF_SECRET, "salesforce/outbound-lead-updated.xml");

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.body()).contains("no dead letter topic").contains("is not in status.map");
    assertThat(written).isEmpty();
  }

  @Test
  void anXxeMessageIsRefused400AndNothingWritten() throws Exception {
    start(5_000, Map.of());
    acknowledgeEverything();
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + Samples.json("salesforce/outbound-lead-created.xml")
                .replaceFirst("<\\?xml[^>]*>", "")
                .replace("Example Manufacturing", "&x;");

    HttpResponse<String> answer =
        post("/salesforce/" + SF_SECRET, xxe, Map.of("Content-Type", "text/xml"));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("a DOCTYPE is not allowed").doesNotContain("root:");
    assertThat(written).isEmpty();
  }

  @Test
  void aMarketoWebhookWithItsSecretHeaderLandsAsContentEngaged() throws Exception {
    start(5_000, Map.of());
    acknowledgeEverything();

    HttpResponse<String> answer =
        post(
            "/marketo",
            Samples.json("marketo/webhook-fill-out-form.json"),
            Map.of("Content-Type", "application/json", "X-Webhook-Secret", MARKETO_SECRET));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(written)
        .singleElement()
        .satisfies(r -> assertThat(r.topic()).isEqualTo("leads.content-engaged"));
  }

  @Test
  void aMarketoWebhookWithAWrongSecretIsRefused401WithNothingWritten() throws Exception {
    start(5_000, Map.of());
    acknowledgeEverything();

    HttpResponse<String> answer =
        post(
            "/marketo",
            Samples.json("marketo/webhook-fill-out-form.json"),
            Map.of("X-Webhook-Secret", "guess"));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(metric("marketo", "secret")).isEqualTo("1");
    assertThat(written).isEmpty();
  }

  @Test
  void aVendorWithoutItsSecretIsNotServed() throws Exception {
    Map<String, String> props = new HashMap<>();
    props.put(WebhookConfig.LISTENER_HOST, "127.0.0.1");
    props.put(WebhookConfig.LISTENER_PORT, "0");
    props.put(WebhookConfig.MARKETO_SECRET, MARKETO_SECRET);
    server = new WebhookServer(new WebhookConfig(props), inbox, metrics, Clock.systemUTC());

    assertThat(salesforce("/salesforce/x", "salesforce/outbound-lead-created.xml").statusCode())
        .isEqualTo(404);
    assertThat(post("/hubspot", "[]", Map.of()).statusCode()).isEqualTo(404);
  }

  @Test
  void settingsWithoutAVendorOrWithoutTheOrganizationAreProblemsNamed() {
    assertThat(new WebhookConfig(Map.of()).problems())
        .containsKey(WebhookConfig.HUBSPOT_APP_SECRET);
    Map<String, String> problems =
        new WebhookConfig(Map.of(WebhookConfig.SALESFORCE_SECRET, "short")).problems();
    assertThat(problems)
        .containsKeys(WebhookConfig.SALESFORCE_SECRET, WebhookConfig.SALESFORCE_ORGANIZATION);
    List<String> reasons = new ArrayList<>(problems.values());
    assertThat(reasons).noneMatch(r -> r.contains("short"));
  }
}
