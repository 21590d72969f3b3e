package io.followup.sla.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Key stores and a trust store made at test time with the JDK's own {@code keytool}: nothing secret
 * is ever committed, and every run has fresh keys and passwords. Each identity is a self-signed
 * certificate; the trust store holds them all, so any of them can be a server (valid for localhost
 * and 127.0.0.1) or a client presenting its certificate (mutual TLS).
 */
public final class TestTls {

  /** One identity: its PKCS12 key store and the password of the store and its key. */
  public record Identity(String name, Path keyStore, String password) {}

  private final Path dir;
  private final Path trustStore;
  private final String trustStorePassword;
  private final Map<String, Identity> identities = new ConcurrentHashMap<>();

  private TestTls(Path dir, Path trustStore, String trustStorePassword) {
    this.dir = dir;
    this.trustStore = trustStore;
    this.trustStorePassword = trustStorePassword;
  }

  /** An empty set of TLS material in {@code dir}; add identities with {@link #identity}. */
  public static TestTls in(Path dir) throws IOException {
    Files.createDirectories(dir);
    return new TestTls(dir, dir.resolve("truststore.p12"), randomPassword());
  }

  /**
   * A new key pair and self-signed certificate with subject {@code CN=<name>}, trusted from now on
   * by {@link #trustStore()}.
   */
  public Identity identity(String name) throws IOException, InterruptedException {
    Identity identity = new Identity(name, dir.resolve(name + ".p12"), randomPassword());
    keytool(
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + name,
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        identity.keyStore().toString(),
        "-storepass",
        identity.password(),
        "-keypass",
        identity.password());
    Path certificate = dir.resolve(name + ".crt");
    keytool(
        "-exportcert",
        "-alias",
        name,
        "-keystore",
        identity.keyStore().toString(),
        "-storepass",
        identity.password(),
        "-file",
        certificate.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        name,
        "-file",
        certificate.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        trustStore.toString(),
        "-storepass",
        trustStorePassword);
    identities.put(name, identity);
    return identity;
  }

  /** An identity made earlier by {@link #identity(String)}. */
  public Identity existing(String name) {
    Identity identity = identities.get(name);
    if (identity == null) {
      throw new IllegalArgumentException("no identity " + name + " was made");
    }
    return identity;
  }

  public Path trustStore() {
    return trustStore;
  }

  public String trustStorePassword() {
    return trustStorePassword;
  }

  /** A server-side TLS context presenting {@code identity}, e.g. for an HTTPS server. */
  public SSLContext serverContext(Identity identity) throws IOException, GeneralSecurityException {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(identity.keyStore())) {
      keys.load(in, identity.password().toCharArray());
    }
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, identity.password().toCharArray());
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(trustStore)) {
      trusted.load(in, trustStorePassword.toCharArray());
    }
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
    return context;
  }

  /** A fresh random password, for a key store or a SASL user. */
  public static String randomPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("keytool " + args[0] + " did not finish within 60 s");
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          "keytool "
              + args[0]
              + " failed ("
              + process.exitValue()
              + "): "
              + new String(output, StandardCharsets.UTF_8).strip());
    }
  }
}
