package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.evenhand.casework.rules.Disclosure.Anonymity;
import org.evenhand.casework.rules.Disclosure.Reader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may see who complained (decision 0029): the respondent, once the allegation is put to them,
 * unless anonymity was asked for and not refused; the first complainant and the caseworker always;
 * the panel and the other complainants never. Joined complainants are named to nobody but the
 * caseworker and themselves.
 */
@Tag("fast")
class DisclosureTest {

    @ParameterizedTest(name = "{0}, allegation put {1}, anonymity {2}: sees the complainant {3}")
    @CsvSource({
            // the respondent: nothing before the allegation is put to them
            "RESPONDENT, false, NOT_ASKED, false",
            "RESPONDENT, false, REFUSED, false",
            "RESPONDENT, false, GRANTED, false",
            // then the name, by default and when anonymity was refused
            "RESPONDENT, true, NOT_ASKED, true",
            "RESPONDENT, true, REFUSED, true",
            // never while it is pending, and never once granted
            "RESPONDENT, true, ASKED, false",
            "RESPONDENT, true, GRANTED, false",
            // the complainant knows who they are
            "COMPLAINANT, false, GRANTED, true",
            "COMPLAINANT, true, NOT_ASKED, true",
            // the caseworker handles the case with names
            "CASEWORKER, false, ASKED, true",
            "CASEWORKER, true, GRANTED, true",
            // the panel works blind, whatever was decided
            "PANEL, true, NOT_ASKED, false",
            "PANEL, true, REFUSED, false",
            "PANEL, true, GRANTED, false",
            // one complainant of a pile-on is not told who the others are
            "JOINED_COMPLAINANT, true, NOT_ASKED, false",
            "JOINED_COMPLAINANT, true, REFUSED, false",
    })
    void whoSeesTheFirstComplainantsName(Reader reader, boolean allegationPut, Anonymity anonymity, boolean sees) {
        assertEquals(sees, Disclosure.seesComplainant(reader, allegationPut, anonymity));
    }

    @ParameterizedTest(name = "{0}, themself {1}: sees a joined complainant {2}")
    @CsvSource({
            "RESPONDENT, false, false",
            "COMPLAINANT, false, false",
            "JOINED_COMPLAINANT, false, false",
            "JOINED_COMPLAINANT, true, true",
            "PANEL, false, false",
            "CASEWORKER, false, true",
    })
    void joinedComplainantsAreNamedToNoParty(Reader reader, boolean themself, boolean sees) {
        assertEquals(sees, Disclosure.seesJoinedComplainant(reader, themself));
    }

    @ParameterizedTest(name = "{0}, allegation put {1}: told how many joined {2}")
    @CsvSource({
            "RESPONDENT, false, false",
            "RESPONDENT, true, true",
            "CASEWORKER, false, true",
            "PANEL, true, false",
            "COMPLAINANT, true, false",
            "JOINED_COMPLAINANT, true, false",
    })
    void theRespondentIsToldHowManyOthersComplainedAndThePanelIsNot(Reader reader, boolean put, boolean told) {
        assertEquals(told, Disclosure.toldHowManyJoined(reader, put));
    }

    @Test
    void onlyAPendingRequestIsDecidedAndADecisionStands() {
        assertTrue(Anonymity.ASKED.needsDecision());
        assertFalse(Anonymity.NOT_ASKED.needsDecision());
        assertFalse(Anonymity.GRANTED.needsDecision(), "granted stays granted: a later triage does not reopen it");
        assertFalse(Anonymity.REFUSED.needsDecision());
        assertEquals(Anonymity.GRANTED, Anonymity.ASKED.decided(true));
        assertEquals(Anonymity.REFUSED, Anonymity.ASKED.decided(false));
        assertThrows(IllegalStateException.class, () -> Anonymity.GRANTED.decided(false), "never undone");
        assertThrows(IllegalStateException.class, () -> Anonymity.NOT_ASKED.decided(true), "nothing to decide");
    }
}
