package io.followup.sla.connect.alerts.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.connect.alerts.routing.ReviewDelivery;

/** A weekly review as a Microsoft Teams Adaptive Card: a heading, the period, a block a section. */
public final class ReviewTeamsCard {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ReviewTeamsCard() {}

  public static ObjectNode of(ReviewDelivery d) {
    ObjectNode body = JSON.objectNode().put("type", "message");
    ObjectNode attachment = body.putArray("attachments").addObject();
    attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
    ObjectNode card = attachment.putObject("content");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
        .put("type", "AdaptiveCard")
        .put("version", "1.4");
    ArrayNode items = card.putArray("body");
    items
        .addObject()
        .put("type", "TextBlock")
        .put("size", "Large")
        .put("weight", "Bolder")
        .put("wrap", true)
        .put("text", ReviewWords.headline(d));
    items
        .addObject()
        .put("type", "TextBlock")
        .put("isSubtle", true)
        .put("wrap", true)
        .put("text", ReviewWords.period(d.review()));
    for (ReviewWords.Section s : ReviewWords.sections(d)) {
      items
          .addObject()
          .put("type", "TextBlock")
          .put("weight", "Bolder")
          .put("wrap", true)
          .put("text", s.title());
      String lines = s.lines().isEmpty() ? "none" : "- " + String.join("\n- ", s.lines());
      items.addObject().put("type", "TextBlock").put("wrap", true).put("text", lines);
    }
    return body;
  }
}
