package org.evenhand.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.evenhand.casework.rules.PanelTally;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.evidence.EvidenceLetters;
import org.evenhand.testing.PublishedDefinition;
import org.evenhand.testing.RawCodes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every kind of letter, in every way it can go, rendered in English and in Welsh as a recipient reads it
 * (decision 0036): words, never a code, an enum value or an ISO date; the Welsh really Welsh, with its dates
 * in Welsh; each still a subject line and a body.
 */
@Tag("fast")
class LettersInEveryLanguageTest {

    static final Locale CY = Locale.forLanguageTag("cy");
    static final DefinitionVersion V = PublishedDefinition.version("2026.1");
    static final Instant AT = Instant.parse("2026-10-03T08:00:00Z");
    static final List<Letters.ClauseLine> CLAUSES = Letters.clauses(V, List.of("harassment", "coordinated-pile-on"));
    static final PanelTally.Split SPLIT = new PanelTally.Split(true, 2, 3, 3);
    static final List<Letters.FindingLine> FINDINGS = List.of(new Letters.FindingLine("Harassment", true, SPLIT),
            new Letters.FindingLine("Coordinated pile-ons", false, new PanelTally.Split(false, 3, 3, 3)));

    /** Each template with the models that take it down each of its paths. */
    static Map<String, List<Object>> letters() {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        m.put("acknowledged", List.of(new Letters.Acknowledged("Bob Brennan", "2026.1", false),
                new Letters.Acknowledged("Bob Brennan", "2026.1", true)));
        m.put("joined", List.of(new Letters.Joined("Bob Brennan", "2026.1")));
        m.put("dismissed", List.of(new Letters.Dismissed("2026.1", "Robust criticism of a policy.")));
        m.put("allegation", List.of(new Letters.Allegation(LocalDate.of(2026, 9, 12), "2026.1", CLAUSES, "Posts.",
                "Alice Adeyemi", 0, AT), new Letters.Allegation(LocalDate.of(2026, 9, 12), "2026.1", CLAUSES, "Posts.",
                null, 3, AT)));
        m.put("accepted", List.of(new Letters.Accepted(CLAUSES, AT)));
        m.put("backToTriage", List.of(new Letters.BackToTriage(false, false), new Letters.BackToTriage(true, true),
                new Letters.BackToTriage(false, true)));
        m.put("nameShared", List.of(new Letters.NameShared("Bob Brennan", false, false, null),
                new Letters.NameShared("Bob Brennan", true, true, "Fear of reprisal."),
                new Letters.NameShared("Bob Brennan", true, false, "No reason to fear it.")));
        m.put("reminder", List.of(new Letters.Reminder("respond", AT), new Letters.Reminder("comment", AT),
                new Letters.Reminder("appeal", AT)));
        m.put("reportReady", List.of(new Letters.ReportReady(false, true, AT), new Letters.ReportReady(true, true, AT),
                new Letters.ReportReady(true, false, AT)));
        m.put("decision", List.of(
                new Letters.PanelDecision("2026.1", FINDINGS, Letters.sanction(V, "suspension", 6), "Reasons.", AT),
                new Letters.PanelDecision("2026.1", FINDINGS, Letters.sanction(V, "referral-expulsion", null), "R.", AT),
                new Letters.PanelDecision("2026.1", FINDINGS, Letters.sanction(V, "no-action", null), "R.", AT),
                new Letters.PanelDecision("2026.1", List.of(new Letters.FindingLine("Harassment", false, null)),
                        Letters.sanction(V, "no-action", null), "R.", AT)));
        m.put("appealLodged", List.of(new Letters.AppealLodged("respondent", List.of("procedural-failure")),
                new Letters.AppealLodged("complainant", List.of("procedural-failure", "perverse-finding",
                        "new-evidence"))));
        m.put("appealDecision", List.of(new Letters.AppealDecision(true, SPLIT, FINDINGS,
                Letters.sanction(V, "formal-warning", null), "Appeal reasons."),
                new Letters.AppealDecision(false, new PanelTally.Split(false, 3, 3, 3), List.of(), null, "Reasons.")));
        m.put("suspended", List.of(new Letters.Suspended("Threats.", AT)));
        m.put("renewed", List.of(new Letters.Renewed("Still needed.", AT, false), new Letters.Renewed("Still.", AT, true)));
        m.put("lifted", List.of(new Letters.Lifted(AT, "the threats stopped")));
        m.put("reachedMaximum", List.of(new Letters.ReachedMaximum(AT, AT.plusSeconds(7_776_000))));
        m.put("withdrawn", List.of(new Letters.Withdrawn(true, AT), new Letters.Withdrawn(false, AT)));
        m.put("ownPartWithdrawn", List.of(new Letters.OwnPartWithdrawn(AT, 1), new Letters.OwnPartWithdrawn(AT, 4)));
        m.put("sanctionLapsed", List.of(new Letters.SanctionLapsed("formal-warning", "Formal warning", null, AT, AT),
                new Letters.SanctionLapsed("suspension", "Suspension", 6, AT, AT)));
        m.put("caseworkerMessage", List.of(new Letters.CaseworkerMessage("Please call me.")));
        m.put("newMessage", List.of(new Letters.NewMessage("EVH-2026-000001")));
        m.put("messageForStaff", List.of(new Letters.MessageForStaff("Casey Clarke", "respondent", "EVH-2026-000001")));
        m.put("consentWithdrawn", List.of(new EvidenceLetters.ConsentWithdrawn(3, EvidenceLetters.CaseState.NOT_TRIAGED),
                new EvidenceLetters.ConsentWithdrawn(3, EvidenceLetters.CaseState.DECIDED),
                new EvidenceLetters.ConsentWithdrawn(3, EvidenceLetters.CaseState.ENDED)));
        m.put("evidenceAdded", List.of(new EvidenceLetters.EvidenceAdded("file", AT),
                new EvidenceLetters.EvidenceAdded("link", AT), new EvidenceLetters.EvidenceAdded("excerpt", AT)));
        m.put("envelope", List.of(new Letters.Envelope("Alice Adeyemi", "The body.", "EVH-2026-000001")));
        return m;
    }

    @Test
    void everyKindOfLetterIsCovered() {
        assertEquals(new TreeSet<>(LetterKindsTest.templates()), new TreeSet<>(letters().keySet()));
    }

    @Test
    void noLetterShowsACodeAnEnumValueOrAnIsoDateInEitherLanguage() {
        List<String> found = new ArrayList<>();
        letters().forEach((name, models) -> models.forEach(model -> {
            for (Locale l : List.of(Locale.UK, CY)) {
                String text = LetterTemplates.text(name, model, l);
                RawCodes.in(text).forEach(f -> found.add(name + " (" + l + "): " + f));
            }
        }));
        assertEquals(List.of(), found);
    }

    @Test
    void aWelshLetterIsWelshWithItsDatesInWelsh() {
        letters().forEach((name, models) -> models.forEach(model -> {
            String en = LetterTemplates.text(name, model, Locale.UK);
            String cy = LetterTemplates.text(name, model, CY);
            if (!name.equals("caseworkerMessage") && !name.equals("messageForStaff")) {
                assertNotEquals(en, cy, name + " has no Welsh");
                assertTrue(cy.matches("(?s).*\\b(yr?|a|ar|eich|mae|chi|Annwyl|achos|wedi|gan|neu)\\b.*"), name + ": " + cy);
            }
            if (!name.equals("envelope")) {
                Letters.Letter l = Letters.Letter.parse(cy);
                assertTrue(!l.subject().isBlank() && !l.body().isBlank(), name + ": a subject and a body in Welsh");
            }
            if (en.contains("October 2026")) {
                assertTrue(cy.contains("Hydref 2026") && !cy.contains("October"), name + ": the date in Welsh: " + cy);
            }
        }));
    }

    @Test
    void theDefinitionsOwnWordsStayAsPublishedInEveryLanguage() {
        String cy = LetterTemplates.text("allegation", letters().get("allegation").get(0), CY);
        assertTrue(cy.contains("- Harassment") && cy.contains("Coordinated pile-ons"), "clause titles as published: " + cy);
        assertTrue(LetterTemplates.text("decision", letters().get("decision").get(0), CY).contains("Ataliad am 6 mis"),
                "a sanction by its rung, with its term, in Welsh");
    }
}
