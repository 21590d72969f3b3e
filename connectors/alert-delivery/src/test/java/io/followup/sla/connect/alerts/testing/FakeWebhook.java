package io.followup.sla.connect.alerts.testing;

import java.io.IOException;

/** A PagerDuty-style events endpoint: 202 with a status body. */
public final class FakeWebhook extends RecordingHttpServer {

  public FakeWebhook() throws IOException {
    super(202, "{\"status\":\"success\",\"message\":\"Event processed\"}");
  }
}
