package org.evenhand.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.evenhand.testing.RawCodes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The scanner the words tests use finds what it must, and leaves words, names and references alone. */
@Tag("fast")
class RawCodesTest {

    @Test
    void findsCodesEnumValuesIsoDatesAndLeftovers() {
        String page = RawCodes.text("<p title=\"2026-01-01\">Sanction: referral-expulsion on 2026-10-03, stage"
                + " PANEL_DECISION, status CLOSED, basis art-9-2-d, step awaitResponse, {m.version} NOT_FOUND</p>");
        String found = String.join("\n", RawCodes.in(page));
        for (String each : List.of("an ISO date: \u2026Sanction: referral-expulsion on 2026-10-03", "an enum value: \u2026"
                + "referral-expulsion on 2026-10-03, stage PANEL_DECISION", "CLOSED, basis", "a code: \u2026N, status CLOSED,"
                + " basis art-9-2-d", "a code: \u2026", "awaitResponse", "a template leftover", "NOT_FOUND")) {
            assertTrue(found.contains(each), each + " in " + found);
        }
        assertTrue(!found.contains("2026-01-01"), "an attribute is not text");
    }

    @Test
    void leavesWordsNamesAndReferencesAlone() {
        String page = RawCodes.text("<h1 class=\"x-y\">Case EVH-2026-000123</h1><p>A pile-on about Bob (M100002), on"
                + " Monday 3 August 2026 at 14:05, under version 2026.1: triage, PDF up to 10 MB. Dydd Llun 3 Awst 2026."
                + "</p><script>var x = {a: 1};</script>");
        assertTrue(RawCodes.in(page).isEmpty(), RawCodes.in(page).toString());
    }
}
