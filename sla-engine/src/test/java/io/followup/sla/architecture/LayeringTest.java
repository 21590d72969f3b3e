package io.followup.sla.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, held against the classes of every module: one core that knows nothing of
 * Kafka, thin drivers over it, and no package cycles. Module boundaries make the compiler refuse
 * most breaches; these rules catch the ones inside a module.
 */
class LayeringTest {

  private static final String ROOT = "io.followup.sla";
  private static final String[] CORE = {
    ROOT + ".rules..",
    ROOT + ".policy..",
    ROOT + ".time..",
    ROOT + ".alerts..",
    ROOT + ".step..",
    ROOT + ".state..",
    ROOT + ".replay..",
    ROOT + ".text.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importEveryModule() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Test fixtures shared as test-jars are tests too, wherever they are packed.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages(ROOT);
  }

  @Test
  void everyModuleWasImported() {
    // A rule over no classes passes whatever the code does: make sure each module is seen.
    for (String pkg :
        new String[] {
          ".rules",
          ".policy",
          ".step",
          ".state",
          ".serde",
          ".registry",
          ".embedded",
          ".demo",
          ".history",
          ".report",
          ".streams",
          ".query",
          ".access",
          ".cli"
        }) {
      org.assertj.core.api.Assertions.assertThat(
              classes.stream().anyMatch(c -> c.getPackageName().equals(ROOT + pkg)))
          .as("classes of %s on the test classpath", ROOT + pkg)
          .isTrue();
    }
  }

  @Test
  void noPackageCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theCoreKnowsNothingOfKafkaOrItsDrivers() {
    noClasses()
        .that()
        .resideInAnyPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            ROOT + ".streams..",
            ROOT + ".engine..",
            ROOT + ".cli..",
            ROOT + ".http..",
            ROOT + ".metrics..",
            ROOT + ".config..",
            ROOT + ".serde..",
            ROOT + ".registry..",
            ROOT + ".embedded..",
            ROOT + ".demo..",
            ROOT + ".history..",
            ROOT + ".report..")
        .check(classes);
  }

  @Test
  void theTopologyOnlyBuildsAndRunsNothing() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".streams..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".engine..",
            ROOT + ".cli..",
            ROOT + ".http..",
            ROOT + ".config..",
            ROOT + ".embedded..",
            ROOT + ".registry..",
            ROOT + ".demo..",
            ROOT + ".history..",
            ROOT + ".report..")
        .check(classes);
  }

  @Test
  void theQuerySideReadsStoresAndServesNoOne() {
    // The query answers and the logins know nothing of HTTP, the CLI or how the engine runs, so a
    // page, a test or another front end can use them as they are.
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".query..", ROOT + ".access..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".http..", ROOT + ".cli..", ROOT + ".engine..", ROOT + ".config..")
        .check(classes);
  }

  @Test
  void workloadAndReportStandOnTheCoreAlone() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".demo..", ROOT + ".history..", ROOT + ".report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            ROOT + ".streams..",
            ROOT + ".engine..",
            ROOT + ".cli..",
            ROOT + ".serde..",
            ROOT + ".registry..",
            ROOT + ".embedded..")
        .check(classes);
  }
}
