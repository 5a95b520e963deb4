package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Disclosure and answer (decision 0030): the comment window, the report's redaction, live sanctions, counter-complaints. */
@Tag("fast")
class DisclosureRulesTest {

    static final Instant CLOSES = Instant.parse("2026-06-20T23:00:00Z");
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ParameterizedTest(name = "waiting {0}, now {1} -> open {2}")
    @CsvSource({
            "true, 2026-06-20T22:59:59Z, true",
            "true, 2026-06-20T23:00:00Z, false", // the timer's moment: closed even if the engine has not fired it
            "false, 2026-06-10T10:00:00Z, false", // the panel is already drawn
    })
    void theWindow(boolean waiting, String now, boolean open) {
        assertEquals(open, CommentWindow.isOpen(waiting, CLOSES, Instant.parse(now)));
    }

    @Test
    void theWindowClosesEarlyOnlyWhenEveryPartyHasCommented() {
        assertFalse(CommentWindow.everyoneHasCommented(List.of(1L, 2L, 3L), Set.of(1L, 3L)));
        assertTrue(CommentWindow.everyoneHasCommented(List.of(1L, 2L, 3L), Set.of(3L, 2L, 1L)));
        assertFalse(CommentWindow.everyoneHasCommented(List.of(), Set.of()), "nobody left to comment is not all in");
    }

    @Test
    void theReportStrikesThoseTheReaderIsNotToSeeNamed() {
        String text = "Alice Adeyemi says Bob Brennan replied. Carol Chowdhury (M100003, carol@example.org) saw it;"
                + " Carol also wrote to bob@example.org. Alice was upset.";
        String forRespondent = ReportRedaction.forReader(text, List.of(
                new ReportRedaction.Struck("Alice Adeyemi", List.of("M100001", "alice"), "[the complainant]"),
                new ReportRedaction.Struck("Carol Chowdhury", List.of("M100003", "carol"), "[someone else]")));
        assertEquals("[the complainant] says Bob Brennan replied. [someone else] ([someone else], [an email address])"
                + " saw it; [someone else] also wrote to [an email address]. [the complainant] was upset.", forRespondent);
        assertEquals("Number [a membership number].", ReportRedaction.forReader("Number M100002.", List.of()));
    }

    // which sanctions are live at all is SanctionOnRecordTest's (casework.rules.SanctionOnRecord)

    @Test
    void liveSanctionsAreShownOnlyAfterFindings() {
        assertFalse(LiveSanctions.shownTo(false));
        assertTrue(LiveSanctions.shownTo(true));
    }

    @ParameterizedTest(name = "swapped {0}, links {1}/{2}, conduct {3}/{4} -> {5}")
    @CsvSource({
            "true, https://x.example/1, https://x.example/1, 2026-01-01, 2026-03-01, true",
            "true, , , 2026-06-10, 2026-06-17, true",
            "true, , , 2026-06-10, 2026-06-18, false",
            "false, https://x.example/1, https://x.example/1, 2026-06-10, 2026-06-10, false",
            "true, https://x.example/1, https://x.example/2, 2026-06-10, 2026-06-30, false",
    })
    void counterComplaintsAboutTheSameExchange(boolean swapped, String link, String otherLink, LocalDate conduct,
            LocalDate otherConduct, boolean same) {
        assertEquals(same, SameExchange.isCounterComplaint(swapped, link, otherLink, conduct, otherConduct));
    }
}
