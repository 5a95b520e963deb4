package org.evenhand;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Who may import whom, held by tests rather than comments. (Plain JUnit rather than ArchUnit's
 * own engine, which Quarkus' JUnit class-loading hides from Surefire.)
 */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.evenhand");

    static final ArchRule onlyWorkflowTalksToTheEngine = noClasses().that().resideOutsideOfPackage("org.evenhand.workflow..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("the engine is reached only through workflow/, so a move to another engine is contained");

    static final ArchRule featuresDoNotDependOnTheEngineAdapter = noClasses().that()
            .resideOutsideOfPackage("org.evenhand.workflow..").should().dependOnClassesThat()
            .resideInAPackage("org.evenhand.workflow..");

    static final ArchRule commonDependsOnNoFeature = noClasses().that().resideInAPackage("org.evenhand.common..")
            .should().dependOnClassesThat().resideInAnyPackage("org.evenhand.casework..", "org.evenhand.intake..",
                    "org.evenhand.definition..", "org.evenhand.identity..", "org.evenhand.trail..",
                    "org.evenhand.notification..", "org.evenhand.workflow..");

    static final ArchRule definitionStandsAlone = noClasses().that().resideInAPackage("org.evenhand.definition..")
            .should().dependOnClassesThat().resideInAnyPackage("org.evenhand.casework..", "org.evenhand.intake..",
                    "org.evenhand.identity..", "org.evenhand.notification..");

    static final ArchRule trailIsALeaf = noClasses().that().resideInAPackage("org.evenhand.trail..")
            .should().dependOnClassesThat().resideInAnyPackage("org.evenhand.casework..", "org.evenhand.intake..",
                    "org.evenhand.definition..", "org.evenhand.identity..", "org.evenhand.notification..");

    static final ArchRule cryptoIsALeaf = noClasses().that().resideInAPackage("org.evenhand.crypto..")
            .should().dependOnClassesThat().resideInAnyPackage("org.evenhand.casework..", "org.evenhand.intake..",
                    "org.evenhand.definition..", "org.evenhand.identity..", "org.evenhand.notification..",
                    "org.evenhand.evidence..", "org.evenhand.privacy..", "org.evenhand.trail..")
            .because("encryption at rest must not depend on what it protects");

    static final ArchRule caseworkKnowsNothingOfEvidenceOrPrivacy = noClasses().that()
            .resideInAnyPackage("org.evenhand.casework..", "org.evenhand.intake..", "org.evenhand.identity..")
            .should().dependOnClassesThat().resideInAnyPackage("org.evenhand.evidence..", "org.evenhand.privacy..")
            .because("casework reaches evidence only through the EvidenceGate port and tells privacy by events");

    static final ArchRule noCycles = slices().matching("org.evenhand.(*)..").should().beFreeOfCycles();

    @Test
    void onlyWorkflowTalksToTheEngine() {
        onlyWorkflowTalksToTheEngine.check(MAIN);
    }

    @Test
    void featuresDoNotDependOnTheEngineAdapter() {
        featuresDoNotDependOnTheEngineAdapter.check(MAIN);
    }

    @Test
    void commonDependsOnNoFeature() {
        commonDependsOnNoFeature.check(MAIN);
    }

    @Test
    void definitionStandsAlone() {
        definitionStandsAlone.check(MAIN);
    }

    @Test
    void trailIsALeaf() {
        trailIsALeaf.check(MAIN);
    }

    @Test
    void cryptoIsALeaf() {
        cryptoIsALeaf.check(MAIN);
    }

    @Test
    void caseworkKnowsNothingOfEvidenceOrPrivacy() {
        caseworkKnowsNothingOfEvidenceOrPrivacy.check(MAIN);
    }

    @Test
    void packagesAreFreeOfCycles() {
        noCycles.check(MAIN);
    }
}
