package io.followup.sla.connect.crm.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.followup.sla.connect.crm.salesforce.OutboundMessage;
import io.followup.sla.connect.crm.salesforce.SalesforceIds;
import io.followup.sla.connect.crm.webhook.WebhookMetrics.Refusal;
import java.io.IOException;

/**
 * {@code POST /salesforce/<secret>} (or {@code /salesforce?token=<secret>}): Salesforce outbound
 * messages. Salesforce can neither sign them nor add a header, so what it can carry, the endpoint
 * URL, holds a shared secret, and the message's OrganizationId must be the configured org's.
 *
 * <p>Answers as Salesforce expects: the SOAP {@code notificationsResponse} with {@code
 * <Ack>true</Ack>} only once Connect acknowledged every record, including the dead letters of
 * notifications that cannot be mapped (a retry would not map them either; the dead letter topic
 * holds them). Anything else is a SOAP fault, which Salesforce takes as a failure and retries with
 * growing intervals for up to 24 hours: 500 when the records were not written in time, or when a
 * notification could not be mapped and there is no dead letter topic to keep it (it then stays
 * visible in Salesforce's outbound message queue with the reason); 401 for a missing or wrong
 * secret and 403 for another organization, both with nothing read or written.
 */
final class SalesforceEndpoint implements HttpHandler {

  private static final String CONTEXT = "/salesforce";
  private static final String SOAP_TYPE = "text/xml; charset=utf-8";

  private static final String ACK =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<soapenv:Envelope xmlns:soapenv=\""
          + OutboundMessage.SOAP_NS
          + "\"><soapenv:Body><notificationsResponse xmlns=\""
          + OutboundMessage.OUTBOUND_NS
          + "\"><Ack>true</Ack></notificationsResponse></soapenv:Body></soapenv:Envelope>\n";

  private final String secret;
  private final String organization;
  private final Vendor vendor;
  private final Delivery delivery;
  private final WebhookMetrics metrics;
  private final int maxBody;

  SalesforceEndpoint(
      String secret,
      String organization,
      Vendor vendor,
      Delivery delivery,
      WebhookMetrics metrics,
      int maxBody) {
    this.secret = secret;
    this.organization = organization;
    this.vendor = vendor;
    this.delivery = delivery;
    this.metrics = metrics;
    this.maxBody = maxBody;
  }

  static String context() {
    return CONTEXT;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        metrics.refuse(vendor.source(), Refusal.BAD_REQUEST);
        fault(exchange, 405, "Client", "POST only");
        return;
      }
      if (!Http.sameSecret(secret, givenSecret(exchange))) {
        metrics.refuse(vendor.source(), Refusal.SECRET);
        fault(exchange, 401, "Client", "the endpoint URL's secret is missing or wrong");
        return;
      }
      byte[] body = Http.body(exchange, maxBody);
      if (body == null) {
        metrics.refuse(vendor.source(), Refusal.TOO_LARGE);
        fault(exchange, 413, "Client", "the body is over " + maxBody + " bytes");
        return;
      }
      OutboundMessage message;
      try {
        message = OutboundMessage.parse(body);
      } catch (IllegalArgumentException e) {
        metrics.refuse(vendor.source(), Refusal.BAD_REQUEST);
        fault(exchange, 400, "Client", e.getMessage());
        return;
      }
      if (!SalesforceIds.same(organization, message.organizationId())) {
        metrics.refuse(vendor.source(), Refusal.ORGANIZATION);
        fault(exchange, 403, "Client", "the OrganizationId is not the configured organization's");
        return;
      }
      Delivery.Result result = delivery.deliver(vendor, message.notifications());
      if (!result.acknowledged()) {
        fault(exchange, 500, "Server", "not written in time; retry");
      } else if (!result.refused().isEmpty()) {
        fault(
            exchange,
            500,
            "Server",
            result.refused().size()
                + " of "
                + result.payloads()
                + " notifications not mapped, and no dead letter topic to keep them: "
                + result.firstReason());
      } else {
        Http.answer(exchange, 200, SOAP_TYPE, ACK);
      }
    }
  }

  /** The secret from the path ({@code /salesforce/<secret>}) or the query ({@code token=}). */
  private static String givenSecret(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    if (path.startsWith(CONTEXT + "/") && path.length() > CONTEXT.length() + 1) {
      return path.substring(CONTEXT.length() + 1);
    }
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      for (String parameter : query.split("&")) {
        if (parameter.startsWith("token=")) {
          return parameter.substring("token=".length());
        }
      }
    }
    return null;
  }

  private static void fault(HttpExchange exchange, int status, String code, String reason)
      throws IOException {
    Http.answer(
        exchange,
        status,
        SOAP_TYPE,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<soapenv:Envelope xmlns:soapenv=\""
            + OutboundMessage.SOAP_NS
            + "\"><soapenv:Body><soapenv:Fault><faultcode>soapenv:"
            + code
            + "</faultcode><faultstring>"
            + escape(reason)
            + "</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>\n");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
