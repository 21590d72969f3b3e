package io.followup.sla.connect.alerts.routing;

import io.followup.sla.events.TeamWeeklyReview;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One team's weekly review for one reader over one channel: deduplicated by the sent log like an
 * alert, under the review's id.
 *
 * @param recipient a manager of the team, the team's own channel, or the default route
 * @param target the email address or webhook URL; a webhook URL is a secret, so never logged
 * @param source the record it came from, for the offsets to commit
 */
public record ReviewDelivery(
    TeamWeeklyReview review,
    Recipient recipient,
    Channel channel,
    String target,
    SinkRecord source) {

  /** The kind the sent log files a review under. */
  public static final String KIND = "WEEKLY-REVIEW";

  public DeliveryKey key() {
    return new DeliveryKey(review.getReviewId(), KIND, channel, recipient.id());
  }

  @Override
  public String toString() {
    return "ReviewDelivery[" + channel.configName() + " to " + recipient + "]";
  }
}
