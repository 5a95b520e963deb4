package org.evenhand.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.evenhand.testing.PublishedDefinition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The letter telling a respondent the allegation, and the complainant's that it goes ahead: in words, not ids. */
@Tag("fast")
class AllegationLetterTest {

    static final List<Letters.ClauseLine> CLAUSES = Letters.clauses(PublishedDefinition.version("2026.1"),
            List.of("harassment", "bullying"));
    static final Instant DUE = Instant.parse("2026-10-03T08:00:00Z");

    @Test
    void theRespondentReadsTheDateAndClausesInWords() {
        Letters.Letter l = LetterTemplates.render("allegation", new Letters.Allegation(LocalDate.of(2026, 9, 12),
                "2026.1", CLAUSES, "A post calling me a traitor.", "Alice Adeyemi", 0, DUE));
        assertEquals("A complaint has been made about your conduct", l.subject());
        assertTrue(l.body().startsWith("A complaint has been made about conduct of yours on 12 September 2026."), l.body());
        assertTrue(l.body().contains("version 2026.1 of the definition of abuse:\n- Harassment\n- Bullying\n\n"), l.body());
        assertTrue(l.body().contains("- Bullying\n\nThe complaint was made by Alice Adeyemi.\n\nThe allegation:\n"
                + "A post calling me a traitor.\n\nNothing has been decided."), l.body());
        assertTrue(l.body().contains("by Saturday 3 October 2026."), l.body());
        assertFalse(l.body().contains("2026-09-12"), "no ISO date");
        assertFalse(l.body().contains("- harassment"), "no clause id");
        assertFalse(l.body().contains("Other members"), "nobody joined");
    }

    @Test
    void joinedComplainantsAreCountedNeverNamed() {
        Letters.Letter l = LetterTemplates.render("allegation", new Letters.Allegation(LocalDate.of(2026, 9, 2),
                "2026.1", CLAUSES.subList(0, 1), "Text.", "Alice Adeyemi", 3, DUE));
        assertTrue(l.body().contains("on 2 September 2026."), l.body());
        assertTrue(l.body().contains("Text.\n\n3 other members also complained about the same conduct; their complaints"
                + " have been joined to this one and are considered with it. They are not named to you."), l.body());
        assertTrue(l.body().contains("plays no part in the decision.\n\nNothing has been decided."), l.body());
        assertTrue(LetterTemplates.render("allegation", new Letters.Allegation(LocalDate.of(2026, 9, 2), "2026.1",
                CLAUSES, "Text.", "Alice Adeyemi", 1, DUE)).body().contains("\n1 other member also complained"));
    }

    @Test
    void anAnonymousComplainantIsTheComplainantAndTheRespondentIsToldWhy() {
        Letters.Letter l = LetterTemplates.render("allegation", new Letters.Allegation(LocalDate.of(2026, 9, 2),
                "2026.1", CLAUSES, "Text.", null, 0, DUE));
        assertTrue(l.body().contains("- Bullying\n\nThe complainant asked for their name to be kept from you, and the"
                + " caseworker agreed that there was good reason, so they are called \"the complainant\" throughout.\n\n"
                + "The allegation:\nText."), l.body());
        assertFalse(l.body().contains("made by"), l.body());
    }

    @Test
    void theComplainantIsToldWhetherTheirNameIsShared() {
        Letters.Letter shared = LetterTemplates.render("nameShared", new Letters.NameShared("Bob Brennan", false, false,
                null));
        assertEquals("Your name will be shared", shared.subject());
        assertTrue(shared.body().startsWith("As the complaint form said, Bob Brennan is being told the allegation and"
                + " that the complaint is yours.\n\nIf anyone treats you badly"), shared.body());
        Letters.Letter granted = LetterTemplates.render("nameShared", new Letters.NameShared("Bob Brennan", true, true,
                "A real risk of reprisal in the branch."));
        assertEquals("Your name will not be shared", granted.subject());
        assertTrue(granted.body().contains("the caseworker has agreed. Bob Brennan is being told the allegation, but"
                + " not that the complaint is yours"), granted.body());
        assertTrue(granted.body().contains("The caseworker's reasons:\nA real risk of reprisal in the branch."));
        Letters.Letter refused = LetterTemplates.render("nameShared", new Letters.NameShared("Bob Brennan", true, false,
                "Nothing suggests a risk."));
        assertEquals("Your name will be shared", refused.subject());
        assertTrue(refused.body().contains("the caseworker has decided against it. Bob Brennan is being told the"
                + " allegation and that the complaint is yours."), refused.body());
        assertTrue(refused.body().contains("The caseworker's reasons:\nNothing suggests a risk."));
    }

    @Test
    void theAcknowledgementSaysWhetherTheNameWillBeShared() {
        assertTrue(LetterTemplates.render("acknowledged", new Letters.Acknowledged("Bob Brennan", "2026.1", false))
                .body().endsWith("If the complaint goes ahead, Bob Brennan will be told what you allege and that the"
                        + " complaint is yours."));
        assertTrue(LetterTemplates.render("acknowledged", new Letters.Acknowledged("Bob Brennan", "2026.1", true))
                .body().endsWith("You asked for your name to be kept from Bob Brennan. The caseworker decides this at"
                        + " triage, and you will be told what they decide and why before Bob Brennan is told anything."));
    }

    @Test
    void theComplainantIsToldTheClausesByTitle() {
        Letters.Letter l = LetterTemplates.render("accepted", new Letters.Accepted(CLAUSES, DUE));
        assertEquals("Your complaint will be investigated", l.subject());
        assertEquals("Your complaint has passed triage. It engages: Harassment and Bullying. The respondent has been"
                + " told of the allegation and has until Saturday 3 October 2026 to respond. An investigator will then"
                + " look into it.", l.body());
    }
}
