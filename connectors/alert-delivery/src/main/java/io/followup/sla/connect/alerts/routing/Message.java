package io.followup.sla.connect.alerts.routing;

import java.util.List;

/**
 * What one send carries: one or more deliveries (a digest) over one channel to one address.
 *
 * @param recipient who reads it; for a team channel, the first of the people mentioned
 */
public record Message(
    Channel channel, String target, Recipient recipient, List<Delivery> deliveries) {

  public Message {
    if (deliveries.isEmpty()) {
      throw new IllegalArgumentException("a message carries at least one delivery");
    }
    deliveries = List.copyOf(deliveries);
  }

  public static Message of(List<Delivery> deliveries) {
    Delivery first = deliveries.get(0);
    return new Message(first.channel(), first.target(), first.recipient(), deliveries);
  }

  public boolean isDigest() {
    return deliveries.size() > 1;
  }

  @Override
  public String toString() {
    return "Message[" + channel.configName() + ", " + deliveries.size() + " alert(s)]";
  }
}
