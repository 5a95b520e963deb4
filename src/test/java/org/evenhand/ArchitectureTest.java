package org.evenhand;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Who may import whom, held by tests rather than comments. (Plain JUnit rather than ArchUnit's
 * own engine, which Quarkus' JUnit class-loading hides from Surefire.)
 */
@org.junit.jupiter.api.Tag("fast")
class ArchitectureTest {

    static final JavaClasses MAIN = org.evenhand.testing.MainClasses.MAIN;

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
            .resideInAnyPackage("org.evenhand.casework..", "org.evenhand.identity..")
            .should().dependOnClassesThat().resideInAnyPackage("org.evenhand.evidence..", "org.evenhand.privacy..")
            .because("casework reaches evidence only through its ports (EvidenceGate, CaseEvidence) and tells privacy"
                    + " by events; intake may use evidence: filing a complaint with its evidence is intake's use case");

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

    // Issue 12: the rules of fairness are plain code; resources do not own transactions; privacy asks casework.

    static final ArchRule fairnessRulesArePlainCode = noClasses().that()
            .resideInAPackage("org.evenhand.casework.rules..").or().haveFullyQualifiedName(
                    "org.evenhand.definition.SanctionLadder").or().haveFullyQualifiedName(
                    "org.evenhand.membership.SyncRules").or().haveFullyQualifiedName(
                    "org.evenhand.membership.HandlerRealmRoles")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "jakarta.transaction..",
                    "jakarta.inject..", "jakarta.enterprise..", "io.quarkus..", "io.smallrye..", "org.camunda..",
                    "org.evenhand.crypto..", "org.evenhand.trail..", "org.evenhand.notification..")
            .orShould().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.Entity.class)
            .because("the rules of fairness are tested without booting anything (./mvnw test -Pfast)");

    static final ArchRule rulesDoNotReachBackIntoServices = noClasses().that()
            .resideInAPackage("org.evenhand.casework.rules..").should().dependOnClassesThat()
            .areAnnotatedWith(jakarta.enterprise.context.ApplicationScoped.class);

    /** API resources hand each request to a use case, which owns the transaction. */
    static final ArchRule resourcesDoNotOwnTransactions = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .noMethods().that().areDeclaredInClassesThat().areAnnotatedWith(jakarta.ws.rs.Path.class)
            .should().beAnnotatedWith(jakarta.transaction.Transactional.class)
            .because("use cases own transactions; a resource only maps HTTP onto one");

    static final ArchRule resourceClassesAreNotTransactional = noClasses().that()
            .areAnnotatedWith(jakarta.ws.rs.Path.class)
            .should().beAnnotatedWith(jakarta.transaction.Transactional.class);

    static final ArchRule engineStepsDoNotOwnTransactions = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .noMethods().that().areDeclaredInClassesThat().resideInAPackage("org.evenhand.workflow.steps..")
            .should().beAnnotatedWith(jakarta.transaction.Transactional.class)
            .because("a process step runs in the engine's transaction and calls a casework step that joins it");

    static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaFieldAccess> CASEWORK_FIELD =
            com.tngtech.archunit.base.DescribedPredicate.describe("a field of casework's",
                    a -> a.getTargetOwner().getPackageName().startsWith("org.evenhand.casework"));

    static final ArchRule privacyAsksCaseworkToErase = noClasses().that().resideInAPackage("org.evenhand.privacy..")
            .should().setFieldWhere(CASEWORK_FIELD)
            .because("privacy decides when; casework (Erasing) destroys or anonymises its own records");

    @Test
    void fairnessRulesArePlainCode() {
        fairnessRulesArePlainCode.check(MAIN);
        rulesDoNotReachBackIntoServices.check(MAIN);
    }

    @Test
    void resourcesDoNotOwnTransactions() {
        resourcesDoNotOwnTransactions.check(MAIN);
        resourceClassesAreNotTransactional.check(MAIN);
    }

    @Test
    void engineStepsDoNotOwnTransactions() {
        engineStepsDoNotOwnTransactions.check(MAIN);
    }

    @Test
    void privacyAsksCaseworkToErase() {
        privacyAsksCaseworkToErase.check(MAIN);
    }

    /** Letters go out only through CaseLetters, which takes a rendered template, never a sentence built in a service. */
    @Test
    void lettersTakeTemplatesNotStrings() {
        for (java.lang.reflect.Method m : org.evenhand.casework.CaseLetters.class.getDeclaredMethods()) {
            if (m.getName().startsWith("tell") && java.lang.reflect.Modifier.isPublic(m.getModifiers())) {
                org.junit.jupiter.api.Assertions.assertTrue(java.util.Arrays.asList(m.getParameterTypes())
                        .contains(io.quarkus.qute.TemplateInstance.class), m + " takes a letter template");
            }
        }
    }

    /** No class over 400 lines (the guide's limit). */
    @Test
    void classesAreSmall() throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(
                java.nio.file.Path.of("src/main/java/org/evenhand"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                long lines = java.nio.file.Files.lines(f).count();
                org.junit.jupiter.api.Assertions.assertTrue(lines <= 400, f + " has " + lines + " lines");
            }
        }
    }

    // Pages live with their features, on the web kit (decision 0023).

    static final ArchRule webKitKnowsNoFeature = noClasses().that().resideInAPackage("org.evenhand.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.evenhand.casework..", "org.evenhand.intake..",
                    "org.evenhand.definition..", "org.evenhand.evidence..", "org.evenhand.privacy..",
                    "org.evenhand.audit..", "org.evenhand.notification..", "org.evenhand.trail..",
                    "org.evenhand.workflow..")
            .because("the web kit (forms, HTML, error pages, formats, CSRF) serves every feature's pages and knows none;"
                    + " it may know who is signed in (identity), the problem types (common) and keys (crypto)");

    @Test
    void webKitKnowsNoFeature() {
        webKitKnowsNoFeature.check(MAIN);
    }

    @Test
    void thereIsNoHorizontalPagesLayer() {
        org.junit.jupiter.api.Assertions.assertTrue(MAIN.stream().noneMatch(c -> c.getPackageName()
                .startsWith("org.evenhand.pages")), "pages live with their features (org.evenhand.<feature>)");
    }

    /** A page resource (a @Path class producing HTML) is used only by its own feature. */
    @Test
    void noFeatureUsesAnotherFeaturesPages() {
        java.util.List<String> crossings = new java.util.ArrayList<>();
        for (com.tngtech.archunit.core.domain.JavaClass c : MAIN) {
            for (com.tngtech.archunit.core.domain.Dependency d : c.getDirectDependenciesFromSelf()) {
                com.tngtech.archunit.core.domain.JavaClass target = d.getTargetClass();
                String targetFeature = feature(target), ownFeature = feature(c);
                if (org.evenhand.testing.PageClasses.isPageResource(target) && !targetFeature.equals(ownFeature)) {
                    crossings.add(c.getName() + " -> " + target.getName());
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), crossings);
    }

    static String feature(com.tngtech.archunit.core.domain.JavaClass c) {
        String[] parts = c.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : c.getPackageName();
    }

    // Fairness audit: faction declarations are special category data, read only by the audit.

    static final ArchRule nothingDependsOnTheAudit = noClasses().that().resideOutsideOfPackage("org.evenhand.audit..")
            .should().dependOnClassesThat().resideInAPackage("org.evenhand.audit..")
            .because("faction data and the audit's facts are reachable only through the audit package");

    static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> FACTION_CLASSES =
            com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith("Faction")
                    .and(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.evenhand.audit.."))
                    .as("the audit's faction classes");

    static final ArchRule onlyTheAuditTouchesFactionClasses = noClasses().that()
            .resideOutsideOfPackage("org.evenhand.audit..").should().accessClassesThat(FACTION_CLASSES)
            .orShould().dependOnClassesThat(FACTION_CLASSES)
            .because("a member's faction must never reach case views, tasks, panels, letters, exports or logs");

    @Test
    void nothingDependsOnTheAudit() {
        nothingDependsOnTheAudit.check(MAIN);
    }

    @Test
    void onlyTheAuditTouchesFactionClasses() {
        onlyTheAuditTouchesFactionClasses.check(MAIN);
    }

    /**
     * Table and entity names, as they would appear in SQL, JPQL or a string anywhere in a class: the
     * faction tables, the audit facts, and the confidence survey's invitations and answers (which
     * carry a faction, and must never be joined to a case or a member outside the audit).
     */
    static final java.util.List<String> AUDIT_ONLY_NAMES = java.util.List.of("faction_declarations",
            "faction_consent_events", "audit_case_facts", "audit_member_counts", "audit_fact_counts", "audit_fact_days",
            "audit_fact_clause_days", "audit_fact_characteristic_days", "audit_confidence_counts", "FactionDeclaration",
            "FactionConsentEvent", "faction_lists", "faction_list_entries", "confidence_answers", "survey_invitations",
            "SurveyInvitation");

    /**
     * No class outside the audit names the faction tables, the audit facts or the faction
     * entities, even in a SQL string (ArchUnit cannot see into strings, so the compiled classes'
     * constant pools are read).
     */
    @Test
    void onlyTheAuditNamesTheFactionTables() throws java.io.IOException {
        int checked = 0;
        for (com.tngtech.archunit.core.domain.JavaClass c : MAIN) {
            if (c.getPackageName().startsWith("org.evenhand.audit") || c.getSource().isEmpty()) {
                continue;
            }
            try (java.io.InputStream in = c.getSource().get().getUri().toURL().openStream()) {
                String bytes = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                for (String name : AUDIT_ONLY_NAMES) {
                    org.junit.jupiter.api.Assertions.assertFalse(bytes.contains(name),
                            c.getName() + " names " + name + ": only org.evenhand.audit may");
                }
                checked++;
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(checked > 50, "classes checked: " + checked);
    }

    /**
     * Pages are rendered from templates: none may mention a faction, except the audit's own pages
     * (templates/AuditPages: the NEC's report and a member's own declaration), which only
     * org.evenhand.audit renders.
     */
    @Test
    void noTemplateMentionsAFaction() throws java.io.IOException {
        java.nio.file.Path audit = java.nio.file.Path.of("src/main/resources/templates/AuditPages");
        // the manager's menu links to the faction list's administration (AuditPages); it shows no member's faction
        java.nio.file.Path managerMenu = java.nio.file.Path.of("src/main/resources/templates/tags/managerNav.html");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(
                java.nio.file.Path.of("src/main/resources/templates"))) {
            for (java.nio.file.Path f : files.filter(java.nio.file.Files::isRegularFile).filter(f -> !f.startsWith(audit))
                    .filter(f -> !f.equals(managerMenu))
                    .toList()) {
                org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.readString(f).toLowerCase()
                        .contains("faction"), f + " mentions a faction");
            }
        }
    }
}
