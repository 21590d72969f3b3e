package io.followup.sla.connect.alerts.channel;

import io.followup.sla.connect.alerts.render.TeamsCard;
import io.followup.sla.connect.alerts.routing.Message;
import java.time.Duration;

/** Posts Adaptive Cards to Microsoft Teams webhooks (the message's target). */
public final class TeamsSender implements Sender {

  private final JsonPost post;

  public TeamsSender(Duration timeout) {
    this.post = new JsonPost("Teams", timeout);
  }

  @Override
  public void send(Message message) throws SendException {
    post.post(message.target(), TeamsCard.of(message));
  }
}
