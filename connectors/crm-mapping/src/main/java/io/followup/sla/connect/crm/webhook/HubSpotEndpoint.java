package io.followup.sla.connect.crm.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.followup.sla.connect.crm.webhook.WebhookMetrics.Refusal;
import java.io.IOException;
import java.util.List;

/**
 * {@code POST /hubspot}: HubSpot's webhook batches, each request signed with {@code
 * X-HubSpot-Signature-v3}. 200 when every record is written, 400 naming the first event that could
 * not be mapped (it went to the dead letter topic), 401 for a bad or stale signature (nothing
 * written), 413 for a body over the limit, 503 when Connect did not acknowledge in time (HubSpot
 * retries, and the engine drops the retry's duplicates).
 */
final class HubSpotEndpoint implements HttpHandler {

  private final HubSpotSignature signature;
  private final String hubspotUrl;
  private final String scheme;
  private final Vendor vendor;
  private final Delivery delivery;
  private final WebhookMetrics metrics;
  private final int maxBody;

  HubSpotEndpoint(
      HubSpotSignature signature,
      String hubspotUrl,
      String scheme,
      Vendor vendor,
      Delivery delivery,
      WebhookMetrics metrics,
      int maxBody) {
    this.signature = signature;
    this.hubspotUrl = hubspotUrl;
    this.scheme = scheme;
    this.vendor = vendor;
    this.delivery = delivery;
    this.metrics = metrics;
    this.maxBody = maxBody;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        metrics.refuse(vendor.source(), Refusal.BAD_REQUEST);
        Http.answer(exchange, 405, "POST only");
        return;
      }
      byte[] body = Http.body(exchange, maxBody);
      if (body == null) {
        metrics.refuse(vendor.source(), Refusal.TOO_LARGE);
        Http.answer(exchange, 413, "the body is over " + maxBody + " bytes");
        return;
      }
      HubSpotSignature.Verdict verdict =
          signature.verify(
              "POST",
              uri(exchange),
              body,
              exchange.getRequestHeaders().getFirst(HubSpotSignature.TIMESTAMP_HEADER),
              exchange.getRequestHeaders().getFirst(HubSpotSignature.SIGNATURE_HEADER));
      switch (verdict) {
        case OK -> {}
        case STALE -> {
          metrics.refuse(vendor.source(), Refusal.STALE_TIMESTAMP);
          Http.answer(exchange, 401, "X-HubSpot-Request-Timestamp is more than 5 minutes off");
          return;
        }
        default -> {
          metrics.refuse(vendor.source(), Refusal.SIGNATURE);
          Http.answer(exchange, 401, "X-HubSpot-Signature-v3 is missing or does not match");
          return;
        }
      }
      List<String> events = Http.jsonObjects(body);
      if (events == null) {
        metrics.refuse(vendor.source(), Refusal.BAD_REQUEST);
        Http.answer(exchange, 400, "the body is not a JSON object or array of webhook events");
        return;
      }
      Http.answer(exchange, delivery.deliver(vendor, events), "events");
    }
  }

  /** The URL the signature covers: the one configured in HubSpot, with the request's query. */
  private String uri(HttpExchange exchange) {
    String query = exchange.getRequestURI().getRawQuery();
    if (!hubspotUrl.isEmpty()) {
      return query == null ? hubspotUrl : hubspotUrl + "?" + query;
    }
    String host = exchange.getRequestHeaders().getFirst("Host");
    return scheme + "://" + host + exchange.getRequestURI().toString();
  }
}
