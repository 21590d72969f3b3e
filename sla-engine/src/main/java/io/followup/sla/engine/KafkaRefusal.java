package io.followup.sla.engine;

import java.util.Optional;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Kafka saying no, in the one line a person reads: wrong credentials, an untrusted certificate, a
 * missing ACL. Kafka's own exceptions arrive wrapped (ExecutionException, KafkaException) and their
 * first line rarely names the broker; this finds the refusal in the chain and says who refused
 * what.
 */
public final class KafkaRefusal {

  private KafkaRefusal() {}

  /**
   * The one-line reason when {@code failure} is Kafka refusing this client (authentication or
   * authorization), empty for any other failure.
   */
  public static Optional<String> describe(String bootstrapServers, Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String at = "Kafka at " + bootstrapServers;
      if (t instanceof SaslAuthenticationException) {
        return Optional.of(
            at + " refused the credentials (SASL authentication failed): " + text(t));
      }
      if (t instanceof SslAuthenticationException) {
        return Optional.of(
            at + " refused the TLS connection (TLS handshake failed): " + withRootCause(t));
      }
      if (t instanceof AuthenticationException) {
        return Optional.of(at + " refused the credentials (authentication failed): " + text(t));
      }
      if (t instanceof AuthorizationException) {
        return Optional.of(
            at + " denied access (an ACL is missing; see Security in the README): " + text(t));
      }
    }
    return Optional.empty();
  }

  /** The message of the innermost cause: what actually went wrong, without the wrappers. */
  public static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return text(root);
  }

  // A handshake's own message ("Failed to process post-handshake messages") says little; the
  // JDK's cause ("Received fatal alert: bad_certificate", "PKIX path building failed") says why.
  private static String withRootCause(Throwable t) {
    String own = text(t);
    String root = rootMessage(t);
    return own.equals(root) ? own : own + ": " + root;
  }

  private static String text(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse("").strip();
  }
}
