package io.followup.sla.connect.crm.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.followup.sla.connect.crm.webhook.WebhookMetrics.Refusal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /marketo}: a Marketo smart campaign's "Call Webhook" with the payload template of the
 * plugin's README (a JSON object, or an array of them). Marketo cannot sign a webhook; it sends
 * custom headers, one of which carries a shared secret. 200 once Connect acknowledged the records;
 * 401 for a missing or wrong secret, nothing written; 400 naming the first activity that could not
 * be mapped (it went to the dead letter topic); 503 when not written in time.
 */
final class MarketoEndpoint implements HttpHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

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
      List<String> activities = activities(body);
      if (activities == null) {
        metrics.refuse(vendor.source(), Refusal.BAD_REQUEST);
        Http.answer(exchange, 400, "the body is not a JSON object or array of activities");
        return;
      }
      Delivery.Result result = delivery.deliver(vendor, activities);
      if (!result.acknowledged()) {
        Http.answer(exchange, 503, "not written in time; retry");
      } else if (result.unmapped() > 0) {
        Http.answer(
            exchange,
            400,
            result.unmapped()
                + " of "
                + result.payloads()
                + " activities not mapped: "
                + result.firstReason());
      } else {
        Http.answer(exchange, 200, "ok");
      }
    }
  }

  private static List<String> activities(byte[] body) {
    try {
      JsonNode tree = JSON.readTree(body);
      List<String> out = new ArrayList<>();
      if (tree != null && tree.isArray()) {
        tree.forEach(a -> out.add(a.toString()));
        return out;
      }
      return tree != null && tree.isObject() ? List.of(tree.toString()) : null;
    } catch (IOException e) {
      return null;
    }
  }
}
