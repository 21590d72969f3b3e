package io.followup.sla.connect.alerts.testing;

import java.io.IOException;

/** Slack's incoming webhooks, as far as a poster can tell: 200 "ok". */
public final class FakeSlack extends RecordingHttpServer {

  public FakeSlack() throws IOException {
    super(200, "ok");
  }
}
