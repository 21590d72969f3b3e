package io.followup.sla.connect.crm.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.followup.sla.connect.crm.webhook.WebhookMetrics.Refusal;
import java.io.IOException;
import java.util.List;

/**
 * {@code POST /marketo}: a Marketo smart campaign's "Call Webhook" with the payload template of the
 * plugin's README (a JSON object, or an array of them). Marketo cannot sign a webhook; it sends
 * custom headers, one of which carries a shared secret. 200 once Connect acknowledged the records;
 * 401 for a missing or wrong secret, nothing written; 400 naming the first activity that could not
 * be mapped (it went to the dead letter topic); 503 when not written in time.
 */
final class MarketoEndpoint implements HttpHandler {

  private final String secret;
  private final String header;
  private final Vendor vendor;
  private final Delivery delivery;
  private final WebhookMetrics metrics;
  private final int maxBody;

  MarketoEndpoint(
      String secret,
      String header,
      Vendor vendor,
      Delivery delivery,
      WebhookMetrics metrics,
      int maxBody) {
    this.secret = secret;
    this.header = header;
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
      if (!Http.sameSecret(secret, exchange.getRequestHeaders().getFirst(header))) {
        metrics.refuse(vendor.source(), Refusal.SECRET);
        Http.answer(exchange, 401, header + " is missing or wrong");
        return;
      }
      byte[] body = Http.body(exchange, maxBody);
      if (body == null) {
        metrics.refuse(vendor.source(), Refusal.TOO_LARGE);
        Http.answer(exchange, 413, "the body is over " + maxBody + " bytes");
        return;
      }
      List<String> activities = Http.jsonObjects(body);
      if (activities == null) {
        metrics.refuse(vendor.source(), Refusal.BAD_REQUEST);
        Http.answer(exchange, 400, "the body is not a JSON object or array of activities");
        return;
      }
      Http.answer(exchange, delivery.deliver(vendor, activities), "activities");
    }
  }
}
