package io.followup.sla.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of a command-line tool the deployment files are checked with (kubectl, node,
 * docker-compose): its exit code and what it printed, stdout and stderr apart.
 */
record Tool(int exitCode, String out, String err) {

  /** The repository's root: this module is {@code deploy/}. */
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  static Tool run(Path workDir, List<String> command) {
    String program = command.get(0);
    try {
      Path out = Files.createTempFile("deploy-check", ".out");
      Path err = Files.createTempFile("deploy-check", ".err");
      Process process;
      try {
        process =
            new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
      } catch (IOException e) {
        throw new AssertionError(
            program
                + " is needed to check the deployment files and is not installed here (.ci/run"
                + " installs it): "
                + e.getMessage());
      }
      if (!process.waitFor(3, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(program + " did not finish within 3 minutes: " + command);
      }
      Tool result =
          new Tool(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The node packages of deploy/check, installed from the committed lock file when missing. */
  static void npmPackagesInstalled() {
    Path check = ROOT.resolve("deploy/check");
    Path installed = check.resolve("node_modules/.package-lock.json");
    try {
      if (Files.exists(installed)
          && Files.getLastModifiedTime(installed)
                  .compareTo(Files.getLastModifiedTime(check.resolve("package-lock.json")))
              >= 0) {
        return;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Tool npm = run(check, List.of("npm", "ci", "--no-audit", "--no-fund"));
    if (npm.exitCode() != 0) {
      throw new AssertionError("npm ci in deploy/check failed:\n" + npm.err());
    }
  }

  Tool succeeded(String what) {
    if (exitCode != 0) {
      throw new AssertionError(what + " failed (exit " + exitCode + "):\n" + out + err);
    }
    return this;
  }
}
