package org.evenhand.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.Engine;
import java.util.List;
import java.util.Set;
import org.evenhand.common.Problem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a letter's text may hold (decision 0043): no Quarkus, a plain Qute engine parses as the application's does. */
@Tag("fast")
class LetterRulesTest {

    static final Engine ENGINE = Engine.builder().addDefaults().build();
    static final Set<String> ALLOWED = LetterRules.placeholders(ENGINE, List.of("{letter:receivedSubject}",
            "Your complaint about {m.respondentName} ({m.version}).{#if m.anonymityAsked} Asked.{/if}"
                    + "{#for c in m.clauses}{c.title}{/for}"));

    static List<Problem.FieldError> check(String subject, String body) {
        return LetterRules.check(ENGINE, ALLOWED, subject, body);
    }

    @Test
    void thePlaceholdersAreTheBundledTextsExpressions() {
        assertEquals(Set.of("letter:receivedSubject", "m.respondentName", "m.version", "m.anonymityAsked", "m.clauses",
                "c.title"), ALLOWED);
    }

    @Test
    void aTextWithTheBundledPlaceholdersIsAccepted() {
        assertEquals(List.of(), check("We have your complaint", "Dear member, about {m.respondentName}:"
                + " {#if m.anonymityAsked}kept apart{#else}shared{/if}. {#for c in m.clauses}- {c.title}\n{/for}"));
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingWhatMayBeUsed() {
        List<Problem.FieldError> e = check("Subject {m.complainantEmail}", "About {m.respondentName.toUpperCase}");
        assertEquals(2, e.size(), e.toString());
        assertEquals("subject", e.get(0).field());
        assertTrue(e.get(0).message().startsWith("This letter may not use {m.complainantEmail}. It may use only: "),
                e.get(0).message());
        assertTrue(e.get(0).message().contains("{m.respondentName}"), e.get(0).message());
        assertEquals("body", e.get(1).field());
        assertTrue(e.get(1).message().contains("{m.respondentName.toUpperCase}"), e.get(1).message());
    }

    @Test
    void sectionsThatCouldPullInOtherTextAreRefused() {
        List<Problem.FieldError> e = check("S", "{#include letters/allegation /}{#eval m.version /}");
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).message().contains("{#eval}") && e.get(0).message().contains("{#include}"),
                e.get(0).message());
    }

    @Test
    void brokenSyntaxIsRefusedWithTheParsersReason() {
        List<Problem.FieldError> e = check("S", "{#if m.anonymityAsked}never closed");
        assertEquals(1, e.size(), e.toString());
        assertEquals("body", e.get(0).field());
        assertTrue(e.get(0).message().startsWith("The text cannot be read as a template: "), e.get(0).message());
    }

    @Test
    void subjectAndBodyHaveTheirLimits() {
        assertEquals(List.of(), check("s".repeat(LetterRules.SUBJECT_MAX), "b".repeat(LetterRules.BODY_MAX)));
        assertEquals(List.of(new Problem.FieldError("subject", "Keep the subject to 500 characters"),
                new Problem.FieldError("body", "Keep the letter to 20,000 characters")),
                check("s".repeat(LetterRules.SUBJECT_MAX + 1), "b".repeat(LetterRules.BODY_MAX + 1)));
        assertEquals(List.of(new Problem.FieldError("subject", "Keep the subject to one line"),
                new Problem.FieldError("body", "Write the letter's text")), check("two\nlines", " "));
        assertEquals("Give the letter a subject", check(null, "b").get(0).message());
    }
}
