package io.followup.sla.connect.alerts.channel;

import io.followup.sla.connect.alerts.render.PagerDutyEvent;
import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.connect.alerts.routing.Message;
import java.time.Duration;

/**
 * Posts a PagerDuty-style event per alert to the on-call webhook; the webhook never batches, but a
 * message of several is sent as several events for safety.
 */
public final class WebhookSender implements Sender {

  private final JsonPost post;
  private final String routingKey;

  public WebhookSender(Duration timeout, String routingKey) {
    this.post = new JsonPost("Webhook", timeout);
    this.routingKey = routingKey;
  }

  @Override
  public void send(Message message) throws SendException {
    for (Delivery d : message.deliveries()) {
      post.post(message.target(), PagerDutyEvent.of(d, routingKey));
    }
  }
}
