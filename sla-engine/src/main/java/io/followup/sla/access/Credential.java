package io.followup.sla.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A login's secret as the users file keeps it: never the secret itself. A password is kept as a
 * PBKDF2 hash ({@code pbkdf2-sha256$iterations$salt$hash}, Base64), a bearer token as its SHA-256
 * ({@code sha256$hex}): a token is long and random, so a slow hash adds nothing. Both are compared
 * in constant time.
 */
public final class Credential {

  public static final int DEFAULT_ITERATIONS = 120_000;
  private static final String PBKDF2 = "pbkdf2-sha256";
  private static final String SHA256 = "sha256";
  private static final int KEY_BITS = 256;

  private final boolean token;
  private final int iterations;
  private final byte[] salt;
  private final byte[] hash;

  private Credential(boolean token, int iterations, byte[] salt, byte[] hash) {
    this.token = token;
    this.iterations = iterations;
    this.salt = salt;
    this.hash = hash;
  }

  /** Reads a stored credential; the message of the exception says what is wrong, not the value. */
  public static Credential parse(String text) {
    String[] parts = text.split("\\$", -1);
    try {
      if (parts.length == 2 && parts[0].equals(SHA256)) {
        byte[] hash = HexFormat.of().parseHex(parts[1]);
        if (hash.length != 32) {
          throw new IllegalArgumentException("a sha256 token hash has 64 hex digits");
        }
        return new Credential(true, 0, new byte[0], hash);
      }
      if (parts.length == 4 && parts[0].equals(PBKDF2)) {
        int iterations = Integer.parseInt(parts[1]);
        if (iterations < 10_000) {
          throw new IllegalArgumentException("a password hash needs at least 10000 iterations");
        }
        return new Credential(
            false,
            iterations,
            Base64.getDecoder().decode(parts[2]),
            Base64.getDecoder().decode(parts[3]));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the iteration count is not a number");
    }
    throw new IllegalArgumentException(
        "a credential is " + PBKDF2 + "$iterations$salt$hash or " + SHA256 + "$hex");
  }

  /** The stored form of a password, with a fresh random salt. */
  public static String hashPassword(String password, SecureRandom random) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    byte[] hash = pbkdf2(password, salt, DEFAULT_ITERATIONS);
    return PBKDF2
        + "$"
        + DEFAULT_ITERATIONS
        + "$"
        + Base64.getEncoder().encodeToString(salt)
        + "$"
        + Base64.getEncoder().encodeToString(hash);
  }

  /** The stored form of a bearer token. */
  public static String hashToken(String token) {
    return SHA256 + "$" + HexFormat.of().formatHex(sha256(token));
  }

  /** A random bearer token or password: 32 bytes, URL-safe Base64. */
  public static String randomSecret(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public boolean isToken() {
    return token;
  }

  /** Whether {@code secret} is this credential's password or token, in constant time. */
  public boolean matches(String secret) {
    byte[] candidate = token ? sha256(secret) : pbkdf2(secret, salt, iterations);
    return MessageDigest.isEqual(candidate, hash);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }
}
