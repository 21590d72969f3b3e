package io.followup.sla.connect.crm.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HubSpot's v3 request signature: {@code X-HubSpot-Signature-v3} is the base64 HMAC-SHA256, keyed
 * with the app's client secret, of method + URI + body + {@code X-HubSpot-Request-Timestamp}. The
 * timestamp is inside the signed text, so refusing one older than five minutes refuses a captured
 * request replayed later by someone else (HubSpot's own retries carry a fresh timestamp).
 */
public final class HubSpotSignature {

  public static final String SIGNATURE_HEADER = "X-HubSpot-Signature-v3";
  public static final String TIMESTAMP_HEADER = "X-HubSpot-Request-Timestamp";

  /** How old a request may be; HubSpot's documented limit. */
  public static final Duration MAX_AGE = Duration.ofMinutes(5);

  /** Why a request is refused, or OK. */
  public enum Verdict {
    OK,
    MISSING,
    STALE,
    MISMATCH
  }

  private final SecretKeySpec key;
  private final Clock clock;

  public HubSpotSignature(String appSecret, Clock clock) {
    if (appSecret == null || appSecret.isEmpty()) {
      throw new IllegalArgumentException("the HubSpot app secret is empty");
    }
    this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /** The signature HubSpot would send for this request. */
  public String sign(String method, String uri, byte[] body, String timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update((method + uri).getBytes(StandardCharsets.UTF_8));
      mac.update(body);
      mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /**
   * Checks a request; {@code uri} is the full URL HubSpot called (scheme, host, path and query), as
   * configured in the app.
   */
  public Verdict verify(
      String method, String uri, byte[] body, String timestamp, String signature) {
    if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
      return Verdict.MISSING;
    }
    long sent;
    try {
      sent = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Verdict.MISSING;
    }
    if (Math.abs(clock.millis() - sent) > MAX_AGE.toMillis()) {
      return Verdict.STALE;
    }
    byte[] expected = sign(method, uri, body, timestamp.strip()).getBytes(StandardCharsets.UTF_8);
    // Constant time: a comparison that stops at the first wrong byte leaks the signature.
    return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8))
        ? Verdict.OK
        : Verdict.MISMATCH;
  }
}
