package io.followup.sla.connect.alerts.channel;

import io.followup.sla.connect.alerts.routing.Message;

/** Sends one message over one channel; at least once, so dedup sits in front of it. */
public interface Sender {

  /**
   * @throws SendException when the message did not go out; {@link SendException#retryable()} says
   *     whether trying again may help
   */
  void send(Message message) throws SendException;
}
