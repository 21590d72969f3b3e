package io.followup.sla.connect.crm.webhook;

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
import io.followup.sla.connect.crm.webhook.WebhookMetrics.Source;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The HTTP(S) side of the webhook source: {@code POST /hubspot} takes HubSpot's webhook batches
 * ({@link HubSpotEndpoint}), {@code POST /salesforce} Salesforce's outbound messages ({@link
 * SalesforceEndpoint}), {@code POST /marketo} Marketo's webhooks ({@link MarketoEndpoint}), each
 * served only when its secret is set; {@code GET /metrics} serves {@link WebhookMetrics}. A request
 * is checked (size, signature or secret), each of its events mapped with the vendor transform's own
 * mapping, and the records handed to Connect ({@link Delivery}); the answer waits for Connect's
 * acknowledgement. This class is the plumbing: the listener, TLS, the threads, and which endpoint
 * serves which path.
 */
final class WebhookServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads;
  private final WebhookMetrics metrics;

  WebhookServer(WebhookConfig config, Inbox inbox, WebhookMetrics metrics, Clock clock)
      throws IOException {
    this.metrics = metrics;
    int maxBody = config.getInt(WebhookConfig.MAX_BODY_BYTES);
    Delivery delivery =
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
    String scheme;
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
      server.createContext(
          "/hubspot",
          new HubSpotEndpoint(
              new HubSpotSignature(hubspotSecret, clock),
              config.getString(WebhookConfig.HUBSPOT_URL).strip(),
              scheme,
              new Vendor(
                  Source.HUBSPOT,
                  CommonConfig.records(settings),
                  new HubSpotMapping(settings)::map),
              delivery,
              metrics,
              maxBody));
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

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
