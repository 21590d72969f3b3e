package io.followup.sla.connect.alerts.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.connect.alerts.render.LeadLink;
import io.followup.sla.connect.alerts.render.ReviewSlackBlocks;
import io.followup.sla.connect.alerts.render.ReviewTeamsCard;
import io.followup.sla.connect.alerts.render.SlackBlocks;
import io.followup.sla.connect.alerts.render.TeamsCard;
import io.followup.sla.connect.alerts.routing.Message;
import io.followup.sla.connect.alerts.routing.ReviewDelivery;
import java.time.Duration;
import java.util.function.Function;

/**
 * Posts each message, rendered for its chat service, to that service's incoming webhook (the
 * message's target). Slack and Teams differ only in the rendering; the posting and the reading of
 * the answer are the same.
 */
public final class ChatSender implements Sender, ReviewSender {

  private final JsonPost post;
  private final Function<Message, ObjectNode> render;
  private final Function<ReviewDelivery, ObjectNode> renderReview;

  private ChatSender(
      String service,
      Duration timeout,
      Function<Message, ObjectNode> render,
      Function<ReviewDelivery, ObjectNode> renderReview) {
    this.post = new JsonPost(service, timeout);
    this.render = render;
    this.renderReview = renderReview;
  }

  /** Block Kit messages to Slack. */
  public static ChatSender slack(Duration timeout) {
    return slack(timeout, LeadLink.NONE);
  }

  /** Block Kit messages to Slack, each alert linking to its lead's page. */
  public static ChatSender slack(Duration timeout, LeadLink links) {
    return new ChatSender(
        "Slack", timeout, message -> SlackBlocks.of(message, links), ReviewSlackBlocks::of);
  }

  /** Adaptive Cards to Microsoft Teams. */
  public static ChatSender teams(Duration timeout) {
    return teams(timeout, LeadLink.NONE);
  }

  /** Adaptive Cards to Microsoft Teams, each alert linking to its lead's page. */
  public static ChatSender teams(Duration timeout, LeadLink links) {
    return new ChatSender(
        "Teams", timeout, message -> TeamsCard.of(message, links), ReviewTeamsCard::of);
  }

  @Override
  public void send(Message message) throws SendException {
    post.post(message.target(), render.apply(message));
  }

  @Override
  public void send(ReviewDelivery review) throws SendException {
    post.post(review.target(), renderReview.apply(review));
  }
}
