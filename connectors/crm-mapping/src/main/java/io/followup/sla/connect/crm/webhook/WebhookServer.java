package io.followup.sla.connect.crm.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.followup.sla.connect.crm.config.CommonConfig;
import io.followup.sla.connect.crm.hubspot.HubSpotConfig;
import io.followup.sla.connect.crm.hubspot.HubSpotMapping;
import io.followup.sla.connect.crm.marketo.MarketoConfig;
import io.followup.sla.connect.crm.marketo.MarketoWebhookMapping;
import io.followup.sla.connect.crm.salesforce.SalesforceConfig;
import io.followup.sla.connect.crm.salesforce.SalesforceOutboundMapping;
import io.followup.sla.connect.crm.webhook.WebhookMetrics.Refusal;
import io.followup.sla.connect.crm.webhook.WebhookMetrics.Source;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The HTTP(S) side of the webhook source: {@code POST /hubspot} takes HubSpot's webhook batches,
 * {@code POST /salesforce} Salesforce's outbound messages ({@link SalesforceEndpoint}), {@code POST
 * /marketo} Marketo's webhooks ({@link MarketoEndpoint}), each served only when its secret is set;
 * {@code GET /metrics} serves {@link WebhookMetrics}. A request is checked (size, signature or
 * secret), each of its events mapped with the vendor transform's own mapping, and the records
 * handed to Connect ({@link Delivery}); the answer waits for Connect's acknowledgement. HubSpot's:
 * 200 when every record is written, 400 naming the first event that could not be mapped (it went to
 * the dead letter topic), 401 for a bad or stale signature (nothing written), 413 for a body over
 * the limit, 503 when Connect did not acknowledge in time (the vendor retries, and the engine drops
 * the retry's duplicates).
 */
final class WebhookServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService threads;
  private final WebhookMetrics metrics;
  private final Delivery delivery;
  private final int maxBody;
  private final String scheme;
  private HubSpotSignature signature;
  private String hubspotUrl;
  private Vendor hubspot;

  WebhookServer(WebhookConfig config, Inbox inbox, WebhookMetrics metrics, Clock clock)
      throws IOException {
    this.metrics = metrics;
    this.maxBody = config.getInt(WebhookConfig.MAX_BODY_BYTES);
    this.delivery =
        new Delivery(
            inbox,
            metrics,
            config.getString(WebhookConfig.RAW_TOPIC),
            config.getLong(WebhookConfig.ACK_TIMEOUT_MS));
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
    String hubspotSecret = config.secret(WebhookConfig.HUBSPOT_APP_SECRET);
    if (!hubspotSecret.isEmpty()) {
      HubSpotConfig settings = new HubSpotConfig(config.hubspotMapping());
      signature = new HubSpotSignature(hubspotSecret, clock);
      hubspotUrl = config.getString(WebhookConfig.HUBSPOT_URL).strip();
      hubspot =
          new Vendor(
              Source.HUBSPOT, CommonConfig.records(settings), new HubSpotMapping(settings)::map);
      server.createContext("/hubspot", this::hubspot);
    }
    String salesforceSecret = config.secret(WebhookConfig.SALESFORCE_SECRET);
    if (!salesforceSecret.isEmpty()) {
      SalesforceConfig settings = new SalesforceConfig(config.salesforceMapping());
      server.createContext(
          SalesforceEndpoint.context(),
          new SalesforceEndpoint(
              salesforceSecret,
              config.getString(WebhookConfig.SALESFORCE_ORGANIZATION).strip(),
              new Vendor(
                  Source.SALESFORCE,
                  CommonConfig.records(settings),
                  new SalesforceOutboundMapping(settings)::map),
              delivery,
              metrics,
              maxBody));
    }
    String marketoSecret = config.secret(WebhookConfig.MARKETO_SECRET);
    if (!marketoSecret.isEmpty()) {
      MarketoConfig settings = new MarketoConfig(config.marketoMapping());
      server.createContext(
          "/marketo",
          new MarketoEndpoint(
              marketoSecret,
              config.getString(WebhookConfig.MARKETO_SECRET_HEADER),
              new Vendor(
                  Source.MARKETO,
                  CommonConfig.records(settings),
                  new MarketoWebhookMapping(settings)::map),
              delivery,
              metrics,
              maxBody));
    }
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
      Http.answer(exchange, 405, "GET only");
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    Http.answer(exchange, 200, metrics.prometheus());
  }

  private void hubspot(HttpExchange exchange) throws IOException {
    Source source = Source.HUBSPOT;
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        metrics.refuse(source, Refusal.BAD_REQUEST);
        Http.answer(exchange, 405, "POST only");
        return;
      }
      byte[] body = Http.body(exchange, maxBody);
      if (body == null) {
        metrics.refuse(source, Refusal.TOO_LARGE);
        Http.answer(exchange, 413, "the body is over " + maxBody + " bytes");
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
          Http.answer(exchange, 401, "X-HubSpot-Request-Timestamp is more than 5 minutes off");
          return;
        }
        default -> {
          metrics.refuse(source, Refusal.SIGNATURE);
          Http.answer(exchange, 401, "X-HubSpot-Signature-v3 is missing or does not match");
          return;
        }
      }
      List<String> events = events(body);
      if (events == null) {
        metrics.refuse(source, Refusal.BAD_REQUEST);
        Http.answer(exchange, 400, "the body is not a JSON object or array of webhook events");
        return;
      }
      Delivery.Result result = delivery.deliver(hubspot, events);
      if (!result.acknowledged()) {
        Http.answer(exchange, 503, "not written in time; retry");
      } else if (result.unmapped() > 0) {
        Http.answer(
            exchange,
            400,
            result.unmapped()
                + " of "
                + result.payloads()
                + " events not mapped: "
                + result.firstReason());
      } else {
        Http.answer(exchange, 200, "ok");
      }
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

  private static List<String> events(byte[] body) {
    try {
      JsonNode tree = JSON.readTree(body);
      if (tree != null && tree.isArray()) {
        List<String> events = new ArrayList<>();
        tree.forEach(e -> events.add(e.toString()));
        return events;
      }
      return tree != null && tree.isObject() ? List.of(tree.toString()) : null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
