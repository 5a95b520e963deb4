package org.evenhand.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.testing.PublishedDefinition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision and appeal letters name clauses by title and sanctions by name, with terms and dates in words. */
@Tag("fast")
class DecisionLetterTest {

    static final DefinitionVersion V = PublishedDefinition.version("2026.1");
    static final List<Letters.FindingLine> FINDINGS = Letters.findings(V, List.of(new Finding("harassment", true),
            new Finding("bullying", false)));

    @ParameterizedTest(name = "{0} {1} -> Sanction: {2}")
    @CsvSource(delimiter = ';', value = {
            "formal-warning; ; Formal warning",
            "suspension; 6; Suspension for 6 months",
            "suspension; 1; Suspension for 1 month",
            "no-action; ; No action, the lowest rung of the sanction ladder, for a breach that is upheld but minor or already put right: the finding is recorded on the case and no sanction is imposed.",
            "referral-expulsion; ; Referral for expulsion",
    })
    void thePanelsDecision(String sanction, Integer months, String words) {
        Letters.Letter l = LetterTemplates.render("decision", new Letters.PanelDecision("2026.1", FINDINGS,
                Letters.sanction(V, sanction, months), "Panel member 1: reasons.", Instant.parse("2026-10-03T08:00:00Z")));
        assertEquals("The panel's decision", l.subject());
        assertTrue(l.body().contains("under version 2026.1 of the definition of abuse.\n\n- Harassment: upheld\n"
                + "- Bullying: not upheld\n\nSanction: " + words + "\n\nThe panel's reasons:\nPanel member 1: reasons."),
                l.body());
        assertTrue(l.body().contains("Either party may appeal by Saturday 3 October 2026 on one or more"), l.body());
        assertFalse(l.body().contains(sanction + "\n"), "no sanction code");
        assertTrue(l.body().endsWith("When the case closes, you can tell us anonymously how the process felt to you,"
                + " in four short questions: under 'My cases', choose 'How did it feel?'."), l.body());
    }

    @Test
    void anAllowedAppealSubstitutesItsDecision() {
        Letters.Letter l = LetterTemplates.render("appealDecision", new Letters.AppealDecision(true, null, FINDINGS,
                Letters.sanction(V, "advice-training", null), "Appeal reasons."));
        assertEquals("The outcome of the appeal", l.subject());
        assertEquals("The appeal panel has allowed the appeal and substituted this decision:\n\n- Harassment: upheld\n"
                + "- Bullying: not upheld\n\nSanction: Advice or training\n\nThe appeal panel's reasons:\nAppeal reasons."
                + "\n\nThis is the final stage of the process: the case is now closed.\n\nHow did the process feel to you? You can"
                + " tell us anonymously, in four short questions: under 'My cases', choose 'How did it feel?'.", l.body());
    }

    @Test
    void aDismissedAppealLeavesTheDecisionStanding() {
        Letters.Letter l = LetterTemplates.render("appealDecision", new Letters.AppealDecision(false, null, List.of(), null,
                "Appeal reasons."));
        assertEquals("The appeal panel has dismissed the appeal; the panel's decision stands.\n\nThe appeal panel's"
                + " reasons:\nAppeal reasons."
                + "\n\nThis is the final stage of the process: the case is now closed.\n\nHow did the process feel to you? You can"
                + " tell us anonymously, in four short questions: under 'My cases', choose 'How did it feel?'.", l.body());
    }

    @Test
    void nothingUpheldMeansNoSanctionNotTheNoActionRung() {
        Letters.Letter l = LetterTemplates.render("decision", new Letters.PanelDecision("2026.1",
                Letters.findings(V, List.of(new Finding("harassment", false))), Letters.sanction(V, "no-action", null),
                "Reasons.", Instant.parse("2026-10-03T08:00:00Z")));
        assertTrue(l.body().contains("- Harassment: not upheld\n\nNo sanction: no clause was upheld.\n"), l.body());
        assertFalse(l.body().contains("Sanction: No action"), l.body());
        assertFalse(l.body().toLowerCase(java.util.Locale.UK).contains("outside the ladder"), l.body());
    }
}
