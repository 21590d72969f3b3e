package io.followup.sla.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
  public Identity identity(String name)
      throws IOException, InterruptedException, GeneralSecurityException {
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
    // One keytool run per identity (each is a JVM start); the trust store is written here.
    trust(name, identity);
    identities.put(name, identity);
    return identity;
  }

  private synchronized void trust(String name, Identity identity)
      throws IOException, GeneralSecurityException {
    KeyStore keys = load(identity.keyStore(), identity.password());
    KeyStore trusted =
        Files.exists(trustStore) ? load(trustStore, trustStorePassword) : emptyStore();
    trusted.setCertificateEntry(name, keys.getCertificate(name));
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      trusted.store(out, trustStorePassword.toCharArray());
    }
  }

  private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }

  private static KeyStore load(Path file, String password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password.toCharArray());
    }
    return store;
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
    KeyStore keys = load(identity.keyStore(), identity.password());
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, identity.password().toCharArray());
    KeyStore trusted = load(trustStore, trustStorePassword);
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
    // A JVM that lives a second starts faster without the optimizing compiler.
    command.add("-J-XX:TieredStopAtLevel=1");
    command.add("-J-XX:+UseSerialGC");
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
