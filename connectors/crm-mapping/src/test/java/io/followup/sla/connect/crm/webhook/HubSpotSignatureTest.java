package io.followup.sla.connect.crm.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.connect.crm.webhook.HubSpotSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The v3 signature as HubSpot documents it: base64 of HMAC-SHA256(client secret, method + URI +
 * body + timestamp). The expected value was computed outside Java with the same recipe: {@code
 * printf '%s' "POST<uri><body><timestamp>" | openssl dgst -sha256 -hmac app-secret-123 -binary |
 * base64}.
 */
class HubSpotSignatureTest {

  private static final String SECRET = "app-secret-123";
  private static final String URI = "https://hooks.example.com/hubspot?portal=3";
  private static final String TIMESTAMP = "1764770400000";
  private static final byte[] BODY =
      ("[{\"eventId\":1,\"subscriptionId\":2,\"portalId\":3,\"occurredAt\":1764770400000,"
              + "\"subscriptionType\":\"contact.creation\",\"attemptNumber\":0,\"objectId\":512,"
              + "\"changeSource\":\"FORM\"}]")
          .getBytes(StandardCharsets.UTF_8);
  private static final String EXPECTED = "/sxwGg8Rllz+w9jOgke4WSPeBjRerdSkwHECMZhI9+w=";

  private static HubSpotSignature at(Instant now) {
    return new HubSpotSignature(SECRET, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static final Instant SENT = Instant.ofEpochMilli(Long.parseLong(TIMESTAMP));

  @Test
  void signsAsHubSpotDocumentsIt() {
    assertThat(at(SENT).sign("POST", URI, BODY, TIMESTAMP)).isEqualTo(EXPECTED);
  }

  @Test
  void acceptsTheVendorsSignatureWithinFiveMinutes() {
    assertThat(at(SENT.plusSeconds(299)).verify("POST", URI, BODY, TIMESTAMP, EXPECTED))
        .isEqualTo(Verdict.OK);
  }

  @Test
  void refusesATimestampOlderThanFiveMinutes() {
    assertThat(at(SENT.plusSeconds(301)).verify("POST", URI, BODY, TIMESTAMP, EXPECTED))
        .isEqualTo(Verdict.STALE);
  }

  @Test
  void refusesAChangedBodyUriTimestampOrSecret() {
    HubSpotSignature now = at(SENT);
    byte[] changed = BODY.clone();
    changed[changed.length - 3] = 'X';
    assertThat(now.verify("POST", URI, changed, TIMESTAMP, EXPECTED)).isEqualTo(Verdict.MISMATCH);
    assertThat(now.verify("POST", "https://hooks.example.com/hubspot", BODY, TIMESTAMP, EXPECTED))
        .isEqualTo(Verdict.MISMATCH);
    assertThat(now.verify("POST", URI, BODY, "1764770400001", EXPECTED))
        .isEqualTo(Verdict.MISMATCH);
    assertThat(
            new HubSpotSignature("other-secret", Clock.fixed(SENT, ZoneOffset.UTC))
                .verify("POST", URI, BODY, TIMESTAMP, EXPECTED))
        .isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void refusesMissingHeaders() {
    HubSpotSignature now = at(SENT);
    assertThat(now.verify("POST", URI, BODY, null, EXPECTED)).isEqualTo(Verdict.MISSING);
    assertThat(now.verify("POST", URI, BODY, TIMESTAMP, null)).isEqualTo(Verdict.MISSING);
    assertThat(now.verify("POST", URI, BODY, "yesterday", EXPECTED)).isEqualTo(Verdict.MISSING);
  }
}
