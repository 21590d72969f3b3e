package io.followup.sla.query;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An HTTP status and the JSON body that goes with it. */
public record Answer(int status, ObjectNode body) {

  public static Answer ok(ObjectNode body) {
    return new Answer(200, body);
  }

  /** An error: the status and one sentence saying what is wrong, as {@code {"error": ...}}. */
  public static Answer error(int status, String sentence) {
    return new Answer(status, JsonNodeFactory.instance.objectNode().put("error", sentence));
  }

  public boolean isOk() {
    return status == 200;
  }
}
