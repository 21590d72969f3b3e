package io.followup.sla.connect.alerts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The connector's packages stay in layers: routing and render know nothing of how messages are
 * sent, the stages know senders only by their interface, and only the task wires it all together.
 * The connector never reaches into the engine.
 */
class PackageLayeringTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.followup.sla.connect.alerts");

  @Test
  void packagesHaveNoCycles() {
    slices()
        .matching("io.followup.sla.connect.alerts.(*)..")
        .should()
        .beFreeOfCycles()
        .check(CLASSES);
  }

  @Test
  void routingAndRenderDoNotKnowHowMessagesAreSent() {
    noClasses()
        .that()
        .resideInAnyPackage("..alerts.routing..", "..alerts.render..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..alerts.channel..", "..alerts.delivery..", "..alerts.config..")
        .check(CLASSES);
  }

  @Test
  void theConnectorDoesNotDependOnTheEngine() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.followup.sla.streams..", "io.followup.sla.engine..", "io.followup.sla.cli..")
        .check(CLASSES);
  }
}
