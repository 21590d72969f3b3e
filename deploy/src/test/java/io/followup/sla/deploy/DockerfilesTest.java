package io.followup.sla.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The image recipes, checked without a Docker engine: a Dockerfile linter (dockerfile-utils, the
 * one behind editors' Dockerfile support) finds no problem, and the engine's image runs as a user
 * of its own, keeps its state on a volume and checks its health on /health/ready.
 */
class DockerfilesTest {

  private static final Path DOCKER = Tool.ROOT.resolve("deploy/docker");

  @TempDir Path dir;

  @BeforeAll
  static void packages() {
    Tool.npmPackagesInstalled();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Dockerfile", "connect.Dockerfile"})
  void theLinterFindsNoProblem(String file) {
    Tool lint = lint(DOCKER.resolve(file));
    assertThat(lint.out() + lint.err()).isEmpty();
    assertThat(lint.exitCode()).isZero();
  }

  @Test
  void theLinterFindsAProblemWhereThereIsOne() throws IOException {
    Path broken = dir.resolve("Dockerfile");
    Files.writeString(broken, "FROM debian\nEXPOSE eighty\nHEALTHCHECK --interval=soon CMD true\n");
    Tool lint = lint(broken);
    assertThat(lint.exitCode()).isNotZero();
    assertThat(lint.out() + lint.err()).contains("Invalid containerPort: eighty");
  }

  @Test
  void theEngineImageRunsAsItsOwnUserWithStateOnAVolumeAndAHealthCheck() throws IOException {
    List<String> lines = Files.readAllLines(DOCKER.resolve("Dockerfile"));
    String finalStage = String.join("\n", lines.subList(lastFrom(lines), lines.size()));
    assertThat(finalStage)
        .contains("USER 10001:10001")
        .contains("VOLUME [\"/var/lib/sla\"]")
        .containsPattern("HEALTHCHECK[^\\n]*\\n[^\\n]*/health/ready");
    assertThat(finalStage).doesNotContain("USER root").doesNotContain("USER 0");
  }

  private static int lastFrom(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith("FROM ")) {
        return i;
      }
    }
    throw new AssertionError("no FROM line");
  }

  private static Tool lint(Path dockerfile) {
    return Tool.run(
        Tool.ROOT.resolve("deploy/check"),
        List.of("node_modules/.bin/dockerfile-utils", "lint", dockerfile.toString()));
  }
}
