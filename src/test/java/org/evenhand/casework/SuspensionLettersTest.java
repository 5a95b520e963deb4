package org.evenhand.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The interim suspension's letters to the respondent: imposed, renewed (the last time at the maximum), lifted, ended at the maximum, with review dates in words. */
@Tag("fast")
class SuspensionLettersTest {

    @Test
    void imposed() {
        Letters.Letter l = LetterTemplates.render("suspended", new Letters.Suspended("Threats continued after the complaint.",
                Instant.parse("2026-10-10T08:00:00Z")));
        assertEquals("You are suspended from membership pending the outcome", l.subject());
        assertEquals("While your case is considered, you are suspended from membership on an interim basis. This is not"
                + " a sanction and says nothing about the outcome. The reasons:\nThreats continued after the complaint."
                + "\n\nIt will be reviewed by Saturday 10 October 2026 and lapses then unless renewed with fresh reasons.",
                l.body());
    }

    @Test
    void renewed() {
        Letters.Letter l = LetterTemplates.render("renewed", new Letters.Renewed("Still needed.",
                Instant.parse("2026-11-07T09:00:00Z"), false));
        assertEquals("Your interim suspension has been renewed", l.subject());
        assertEquals("After review, your interim suspension continues. The reasons:\nStill needed.\n\nIt will be"
                + " reviewed again by Saturday 7 November 2026.", l.body());
    }

    @Test
    void renewedForTheLastTime() {
        Letters.Letter l = LetterTemplates.render("renewed", new Letters.Renewed("Still needed.",
                Instant.parse("2026-12-01T10:00:00Z"), true));
        assertEquals("After review, your interim suspension continues. The reasons:\nStill needed.\n\nIt ends on"
                + " Tuesday 1 December 2026, when it reaches the longest an interim suspension may last, and cannot be"
                + " renewed again.", l.body());
    }

    @Test
    void reachedItsMaximum() {
        Letters.Letter l = LetterTemplates.render("reachedMaximum", new Letters.ReachedMaximum(
                Instant.parse("2026-09-01T09:00:00Z"), Instant.parse("2026-12-01T10:00:00Z")));
        assertEquals("Your interim suspension has ended", l.subject());
        assertEquals("Your interim suspension, imposed on Tuesday 1 September 2026, ended on Tuesday 1 December 2026:"
                + " it reached the longest an interim suspension may last, and it cannot be renewed. It says nothing"
                + " about the outcome of your case.", l.body());
    }

    @Test
    void lifted() {
        Letters.Letter l = LetterTemplates.render("lifted", new Letters.Lifted(Instant.parse("2026-12-31T23:30:00Z"),
                "the case has concluded"));
        assertEquals("Your interim suspension has been lifted", l.subject());
        assertEquals("Your interim suspension ended on Thursday 31 December 2026: the case has concluded.", l.body());
    }
}
