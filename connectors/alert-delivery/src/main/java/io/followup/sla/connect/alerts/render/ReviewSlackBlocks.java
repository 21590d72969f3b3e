package io.followup.sla.connect.alerts.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.connect.alerts.routing.ReviewDelivery;

/** A weekly review as a Slack Block Kit message: a header, the period, one section a heading. */
public final class ReviewSlackBlocks {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ReviewSlackBlocks() {}

  public static ObjectNode of(ReviewDelivery d) {
    String headline = ReviewWords.headline(d);
    ObjectNode body = JSON.objectNode();
    body.put("text", headline);
    ArrayNode blocks = body.putArray("blocks");
    blocks
        .addObject()
        .put("type", "header")
        .set("text", JSON.objectNode().put("type", "plain_text").put("text", headline));
    blocks
        .addObject()
        .put("type", "context")
        .putArray("elements")
        .addObject()
        .put("type", "mrkdwn")
        .put("text", mrkdwn(ReviewWords.period(d.review())));
    for (ReviewWords.Section s : ReviewWords.sections(d)) {
      StringBuilder text = new StringBuilder("*").append(mrkdwn(s.title())).append("*\n");
      if (s.lines().isEmpty()) {
        text.append("none\n");
      }
      for (String line : s.lines()) {
        text.append("• ").append(mrkdwn(line)).append('\n');
      }
      String t = text.length() <= 3000 ? text.toString() : text.substring(0, 2999) + "…";
      blocks
          .addObject()
          .put("type", "section")
          .putObject("text")
          .put("type", "mrkdwn")
          .put("text", t);
    }
    return body;
  }

  private static String mrkdwn(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
