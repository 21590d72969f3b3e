package io.followup.sla.connect.crm.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.followup.sla.connect.crm.event.MappedEvent;
import io.followup.sla.connect.crm.event.RecordMapper;
import io.followup.sla.connect.crm.payload.MappingException;
import io.followup.sla.connect.crm.payload.Payload;
import io.followup.sla.connect.crm.webhook.WebhookMetrics.Outcome;
import io.followup.sla.connect.crm.webhook.WebhookMetrics.Refusal;
import io.followup.sla.connect.crm.webhook.WebhookMetrics.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The HTTP(S) side of the webhook source: {@code POST /hubspot} takes HubSpot's webhook batches,
 * {@code GET /metrics} serves {@link WebhookMetrics}. A request is checked (size, signature), each
 * of its events mapped with the HubSpot transform's own mapping, and the records queued in the
 * {@link Inbox}; the answer waits for Connect's acknowledgement: 200 when every record is written,
 * 400 naming the first event that could not be mapped (it went to the dead letter topic), 401 for a
 * bad or stale signature (nothing written), 413 for a body over the limit, 503 when Connect did not
 * acknowledge in time (the vendor retries, and the engine drops the retry's duplicates).
 */
final class WebhookServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService threads;
  private final Inbox inbox;
  private final WebhookMetrics metrics;
  private final HubSpotSignature signature;
  private final String hubspotUrl;
  private final RecordMapper records;
  private final Function<Payload, Optional<MappedEvent>> hubspot;
  private final String rawTopic;
  private final int maxBody;
  private final long ackTimeoutMs;
  private final String scheme;

  WebhookServer(
      WebhookConfig config,
      Inbox inbox,
      WebhookMetrics metrics,
      HubSpotSignature signature,
      RecordMapper records,
      Function<Payload, Optional<MappedEvent>> hubspot)
      throws IOException {
    this.inbox = inbox;
    this.metrics = metrics;
    this.signature = signature;
    this.records = records;
    this.hubspot = hubspot;
    this.hubspotUrl = config.getString(WebhookConfig.HUBSPOT_URL).strip();
    this.rawTopic = config.getString(WebhookConfig.RAW_TOPIC);
    this.maxBody = config.getInt(WebhookConfig.MAX_BODY_BYTES);
    this.ackTimeoutMs = config.getLong(WebhookConfig.ACK_TIMEOUT_MS);
    InetSocketAddress address =
        new InetSocketAddress(
            config.getString(WebhookConfig.LISTENER_HOST),
            config.getInt(WebhookConfig.LISTENER_PORT));
    String keyStore = config.getString(WebhookConfig.KEYSTORE_LOCATION).strip();
    if (keyStore.isEmpty()) {
      server = HttpServer.create(address, 0);
      scheme = "http";
    } else {
      HttpsServer https = HttpsServer.create(address, 0);
      https.setHttpsConfigurator(
          new HttpsConfigurator(
              tls(
                  Path.of(keyStore),
                  config.getString(WebhookConfig.KEYSTORE_TYPE),
                  config.secret(WebhookConfig.KEYSTORE_PASSWORD))));
      server = https;
      scheme = "https";
    }
    // Each request blocks a thread until Connect acknowledges; a few are plenty for webhooks.
    threads = Executors.newFixedThreadPool(8, r -> daemon(r));
    server.setExecutor(threads);
    server.createContext("/hubspot", this::hubspot);
    server.createContext("/metrics", this::metrics);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "crm-webhook-http");
    thread.setDaemon(true);
    return thread;
  }

  private static SSLContext tls(Path keyStore, String type, String password) throws IOException {
    try (InputStream in = Files.newInputStream(keyStore)) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, password.toCharArray());
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use the key store " + keyStore + ": " + e.getMessage(), e);
    }
  }

  private void metrics(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("GET")) {
      answer(exchange, 405, "GET only");
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    answer(exchange, 200, metrics.prometheus());
  }

  private void hubspot(HttpExchange exchange) throws IOException {
    Source source = Source.HUBSPOT;
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        metrics.refuse(source, Refusal.BAD_REQUEST);
        answer(exchange, 405, "POST only");
        return;
      }
      // A declared length over the limit is refused before reading; a chunked body is cut off.
      byte[] body =
          declaredLength(exchange) > maxBody
              ? null
              : exchange.getRequestBody().readNBytes(maxBody + 1);
      if (body == null || body.length > maxBody) {
        metrics.refuse(source, Refusal.TOO_LARGE);
        answer(exchange, 413, "the body is over " + maxBody + " bytes");
        return;
      }
      HubSpotSignature.Verdict verdict =
          signature.verify(
              "POST",
              hubspotUri(exchange),
              body,
              exchange.getRequestHeaders().getFirst(HubSpotSignature.TIMESTAMP_HEADER),
              exchange.getRequestHeaders().getFirst(HubSpotSignature.SIGNATURE_HEADER));
      switch (verdict) {
        case OK -> {}
        case STALE -> {
          metrics.refuse(source, Refusal.STALE_TIMESTAMP);
          answer(exchange, 401, "X-HubSpot-Request-Timestamp is more than 5 minutes off");
          return;
        }
        default -> {
          metrics.refuse(source, Refusal.SIGNATURE);
          answer(exchange, 401, "X-HubSpot-Signature-v3 is missing or does not match");
          return;
        }
      }
      List<JsonNode> events = events(body);
      if (events == null) {
        metrics.refuse(source, Refusal.BAD_REQUEST);
        answer(exchange, 400, "the body is not a JSON object or array of webhook events");
        return;
      }
      write(exchange, source, events);
    }
  }

  private static long declaredLength(HttpExchange exchange) {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    try {
      return declared == null ? -1 : Long.parseLong(declared.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The URL the signature covers: the one configured in HubSpot, with the request's query. */
  private String hubspotUri(HttpExchange exchange) {
    String query = exchange.getRequestURI().getRawQuery();
    if (!hubspotUrl.isEmpty()) {
      return query == null ? hubspotUrl : hubspotUrl + "?" + query;
    }
    String host = exchange.getRequestHeaders().getFirst("Host");
    return scheme + "://" + host + exchange.getRequestURI().toString();
  }

  private static List<JsonNode> events(byte[] body) {
    try {
      JsonNode tree = JSON.readTree(body);
      if (tree != null && tree.isArray()) {
        List<JsonNode> events = new ArrayList<>();
        tree.forEach(events::add);
        return events;
      }
      return tree != null && tree.isObject() ? List.of(tree) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private void write(HttpExchange exchange, Source source, List<JsonNode> events)
      throws IOException {
    List<SourceRecord> out = new ArrayList<>();
    int mapped = 0;
    int ignored = 0;
    List<String> reasons = new ArrayList<>();
    for (JsonNode event : events) {
      SourceRecord raw =
          new SourceRecord(
              Map.of("webhook", WebhookMetrics.label(source)),
              Map.of(),
              rawTopic,
              null,
              null,
              null,
              Schema.STRING_SCHEMA,
              event.toString());
      SourceRecord record;
      try {
        record = records.apply(raw, hubspot);
      } catch (MappingException e) {
        // No dead letter topic configured: refused, and nothing written for it.
        reasons.add(e.getMessage());
        continue;
      }
      if (record == null) {
        ignored++;
        continue;
      }
      Header reason = record.headers().lastWithName(RecordMapper.HEADER_REASON);
      if (reason != null) {
        reasons.add(String.valueOf(reason.value()));
      } else {
        mapped++;
      }
      out.add(record);
    }
    try {
      inbox.submit(out).get(ackTimeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      inbox.abandon(out);
      metrics.refuse(source, Refusal.NOT_ACKNOWLEDGED);
      answer(exchange, 503, "not written in time; retry");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      inbox.abandon(out);
      metrics.refuse(source, Refusal.NOT_ACKNOWLEDGED);
      answer(exchange, 503, "stopping; retry");
      return;
    }
    for (int i = 0; i < mapped; i++) {
      metrics.count(source, Outcome.MAPPED);
    }
    for (int i = 0; i < ignored; i++) {
      metrics.count(source, Outcome.IGNORED);
    }
    for (int i = 0; i < reasons.size(); i++) {
      metrics.refuse(source, Refusal.UNMAPPABLE);
    }
    if (reasons.isEmpty()) {
      answer(exchange, 200, "ok");
    } else {
      answer(
          exchange,
          400,
          reasons.size() + " of " + events.size() + " events not mapped: " + reasons.get(0));
    }
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = (text.endsWith("\n") ? text : text + "\n").getBytes(StandardCharsets.UTF_8);
    if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
