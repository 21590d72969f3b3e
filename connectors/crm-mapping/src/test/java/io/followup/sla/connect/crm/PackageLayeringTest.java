package io.followup.sla.connect.crm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The plugin's packages stay in layers: reading payloads, building events and the shared config
 * know no vendor; each vendor's mapping knows no other vendor; nothing reaches into the engine.
 */
class PackageLayeringTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.followup.sla.connect.crm");

  @Test
  void packagesHaveNoCycles() {
    slices().matching("io.followup.sla.connect.crm.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theSharedPartsKnowNoVendor() {
    noClasses()
        .that()
        .resideInAnyPackage("..crm.payload..", "..crm.event..", "..crm.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..crm.salesforce..", "..crm.hubspot..", "..crm.marketo..")
        .check(CLASSES);
  }

  @Test
  void vendorsAreIndependentOfEachOther() {
    slices()
        .matching("io.followup.sla.connect.crm.(salesforce|hubspot|marketo)..")
        .should()
        .notDependOnEachOther()
        .check(CLASSES);
  }

  @Test
  void thePluginDoesNotDependOnTheEngine() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.followup.sla.streams..",
            "io.followup.sla.engine..",
            "io.followup.sla.cli..",
            "io.followup.sla.rules..")
        .check(CLASSES);
  }
}
