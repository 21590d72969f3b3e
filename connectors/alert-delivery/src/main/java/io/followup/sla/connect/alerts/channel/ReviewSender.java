package io.followup.sla.connect.alerts.channel;

import io.followup.sla.connect.alerts.routing.ReviewDelivery;

/** Sends one weekly review over one channel; at least once, so dedup sits in front of it. */
public interface ReviewSender {

  /**
   * @throws SendException when the review did not go out
   */
  void send(ReviewDelivery review) throws SendException;
}
