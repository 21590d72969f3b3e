package io.followup.sla.connect.alerts.channel;

import io.followup.sla.connect.alerts.render.SlackBlocks;
import io.followup.sla.connect.alerts.routing.Message;
import java.time.Duration;

/** Posts Block Kit messages to Slack incoming webhooks (the message's target). */
public final class SlackSender implements Sender {

  private final JsonPost post;

  public SlackSender(Duration timeout) {
    this.post = new JsonPost("Slack", timeout);
  }

  @Override
  public void send(Message message) throws SendException {
    post.post(message.target(), SlackBlocks.of(message));
  }
}
