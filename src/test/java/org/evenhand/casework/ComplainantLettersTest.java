package org.evenhand.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Acknowledgements, dismissal, a return to triage, an appeal lodged, a caseworker's message and the envelope. */
@Tag("fast")
class ComplainantLettersTest {

    @Test
    void acknowledged() {
        Letters.Letter l = LetterTemplates.render("acknowledged", new Letters.Acknowledged("Bob Baker", "2026.1"));
        assertEquals("We have received your complaint", l.subject());
        assertTrue(l.body().startsWith("Thank you. Your complaint about Bob Baker has been received and will be triaged"),
                l.body());
        assertTrue(l.body().contains("against version 2026.1 of the published definition"), l.body());
    }

    @Test
    void joined() {
        Letters.Letter l = LetterTemplates.render("joined", new Letters.Joined("Bob Baker", "2026.1"));
        assertEquals("We have received your complaint", l.subject());
        assertTrue(l.body().contains("your complaint has been joined to theirs"), l.body());
        assertTrue(l.body().contains("No other complainant sees your complaint or your name, and Bob Baker is never told"
                + " your name: only how many others complained."), l.body());
    }

    @Test
    void dismissed() {
        Letters.Letter l = LetterTemplates.render("dismissed", new Letters.Dismissed("2024.1", "Robust criticism of a policy."));
        assertEquals("Your complaint is outside the definition of abuse", l.subject());
        assertTrue(l.body().contains("any clause of version 2024.1 of the definition of abuse, so it will not be taken"
                + " further.\n\nTheir reasons: Robust criticism of a policy.\n\nThe respondent has not been told"), l.body());
    }

    @Test
    void backToTriageForEachParty() {
        assertEquals("Your case is being triaged again", LetterTemplates.render("backToTriage",
                new Letters.BackToTriage(false, true)).subject());
        Letters.Letter l = LetterTemplates.render("backToTriage", new Letters.BackToTriage(true, true));
        assertEquals("The case about you is being triaged again", l.subject());
        assertTrue(l.body().startsWith("Consent for an item of evidence on this case has been withdrawn"), l.body());
    }

    @Test
    void evidenceWithdrawnBeforeTriageIsNotTriagedAgain() {
        Letters.Letter l = LetterTemplates.render("backToTriage", new Letters.BackToTriage(false, false));
        assertEquals("An item of evidence has been withdrawn from your case", l.subject());
        assertTrue(l.body().contains("The case has not been triaged yet; triage goes on without it."), l.body());
        assertTrue(!l.body().contains("again") && !l.body().contains("afresh"), l.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "respond; Reminder: your response is due by Tuesday 4 August 2026; You have until Tuesday 4 August 2026 to respond to the allegation.",
            "comment; Reminder: comments on the investigation report close on Tuesday 4 August 2026; You have until Tuesday 4 August 2026 to comment on the investigation report.",
            "appeal; Reminder: the time to appeal ends on Tuesday 4 August 2026; You have until Tuesday 4 August 2026 to appeal against the panel's decision",
    })
    void remindersInPlainWords(String what, String subject, String opening) {
        Letters.Letter l = LetterTemplates.render("reminder",
                new Letters.Reminder(what, java.time.Instant.parse("2026-08-04T09:00:00Z")));
        assertEquals(subject, l.subject());
        assertTrue(l.body().startsWith(opening), l.body());
        assertTrue(!l.body().contains("2026-08-04"), "dates in words: " + l.body());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "new-evidence; this ground: new evidence that was not available before.",
            "procedural-failure,perverse-finding; these grounds: a failure of procedure and a finding no reasonable panel could make.",
            "procedural-failure,perverse-finding,new-evidence; these grounds: a failure of procedure, a finding no reasonable panel could make and new evidence that was not available before.",
    })
    void appealGroundsInWords(String grounds, String words) {
        Letters.Letter l = LetterTemplates.render("appealLodged", new Letters.AppealLodged("respondent",
                Arrays.asList(grounds.split(","))));
        assertEquals("An appeal has been lodged", l.subject());
        assertEquals("The respondent has appealed against the panel's decision on " + words
                + " A new panel of three will hear it.", l.body());
    }

    @Test
    void aCaseworkersMessageIsTheirWords() {
        Letters.Letter l = LetterTemplates.render("caseworkerMessage", new Letters.CaseworkerMessage("Line one.\n\nLine two."));
        assertEquals("A message from your caseworker", l.subject());
        assertEquals("Line one.\n\nLine two.", l.body());
    }

    @Test
    void theEnvelope() {
        assertEquals("Dear Alice Adams,\n\nThe body.\n\nCase reference: EVH-2026-000001\nYou can follow your case at any"
                + " time under 'My cases'.\n\nEvenhand, on behalf of the party's complaints process",
                LetterTemplates.text("envelope", new Letters.Envelope("Alice Adams", "The body.", "EVH-2026-000001")).strip());
    }
}
