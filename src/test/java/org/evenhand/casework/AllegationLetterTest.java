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
                "2026.1", CLAUSES, "A post calling me a traitor.", false, DUE));
        assertEquals("A complaint has been made about your conduct", l.subject());
        assertTrue(l.body().startsWith("A complaint has been made about conduct of yours on 12 September 2026."), l.body());
        assertTrue(l.body().contains("version 2026.1 of the definition of abuse:\n- Harassment\n- Bullying\n\n"), l.body());
        assertTrue(l.body().contains("The allegation:\nA post calling me a traitor.\n\nNothing has been decided."), l.body());
        assertTrue(l.body().contains("by Saturday 3 October 2026."), l.body());
        assertFalse(l.body().contains("2026-09-12"), "no ISO date");
        assertFalse(l.body().contains("- harassment"), "no clause id");
        assertFalse(l.body().contains("Other members"), "nobody joined");
    }

    @Test
    void aJoinedComplaintIsMentionedAndItsNumberIsNot() {
        Letters.Letter l = LetterTemplates.render("allegation", new Letters.Allegation(LocalDate.of(2026, 9, 2),
                "2026.1", CLAUSES.subList(0, 1), "Text.", true, DUE));
        assertTrue(l.body().contains("on 2 September 2026."), l.body());
        assertTrue(l.body().contains("Text.\n\nOther members complained about the same conduct; their complaints have"
                + " been joined to this one"), l.body());
        assertTrue(l.body().contains("plays no part in the decision.\n\nNothing has been decided."), l.body());
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
