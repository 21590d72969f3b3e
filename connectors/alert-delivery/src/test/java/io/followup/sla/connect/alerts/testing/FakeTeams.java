package io.followup.sla.connect.alerts.testing;

import java.io.IOException;

/** A Microsoft Teams webhook (workflow), as far as a poster can tell: 202 Accepted. */
public final class FakeTeams extends RecordingHttpServer {

  public FakeTeams() throws IOException {
    super(202, "");
  }
}
