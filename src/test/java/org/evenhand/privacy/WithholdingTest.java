package org.evenhand.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a subject access pack leaves out of each case, and the exemption relied on (decision 0041): who
 * complained, unless the respondent may be told (decision 0029); other complainants, counted for the
 * respondent, never named to anyone; the complainant's files until the DPO sends redacted copies; the
 * respondent's identity in a complainant's pack; staff names once for the whole pack.
 */
@Tag("fast")
class WithholdingTest {

    @ParameterizedTest(name = "{0}, named {1}, {2} others, {3} files -> {4}")
    @CsvSource(delimiter = '|', value = {
            // told, named (no anonymity asked or refused), nobody else: nothing of the case is withheld
            "RESPONDENT         | true  | 0 | 0 | ''",
            // never put to them (dismissed at triage, at triage, withdrawn first) or anonymity granted
            "RESPONDENT         | false | 0 | 0 | complainant-identity",
            "RESPONDENT         | false | 2 | 0 | complainant-identity, other-complainants x2",
            "RESPONDENT         | true  | 1 | 3 | other-complainants x1, complainants-files x3",
            "RESPONDENT         | false | 0 | 1 | complainant-identity, complainants-files x1",
            "FIRST_COMPLAINANT  | false | 0 | 0 | respondent-identity",
            // the first complainant is never told that others joined, so nothing about them is listed
            "FIRST_COMPLAINANT  | true  | 4 | 2 | respondent-identity",
            "JOINED_COMPLAINANT | false | 0 | 0 | respondent-identity, other-complainants",
    })
    void whatACaseWithholds(Withholding.Role role, boolean named, int others, int files, String expected) {
        List<String> got = Withholding.forCase(new Withholding.CaseFacts("EVH-1", role, named, others, files)).stream()
                .map(w -> {
                    assertEquals("EVH-1", w.caseRef());
                    assertEquals(Withholding.Exemption.THIRD_PARTY, w.exemption(), "Sch. 2 para. 16 for every one");
                    return w.what().code() + (w.count() == null ? "" : " x" + w.count());
                }).toList();
        assertEquals(expected.isEmpty() ? List.of() : Arrays.stream(expected.split(",\\s*")).toList(), got);
    }

    @Test
    void staffNamesAreWithheldOnceForAPackWithCasesAndNotForAnEmptyOne() {
        assertEquals(List.of(), Withholding.forPack(List.of()));
        List<Withholding.Withheld> w = Withholding.forPack(List.of(
                new Withholding.CaseFacts("EVH-1", Withholding.Role.RESPONDENT, true, 0, 0),
                new Withholding.CaseFacts("EVH-2", Withholding.Role.FIRST_COMPLAINANT, false, 0, 0)));
        assertEquals(List.of("EVH-2 respondent-identity", "null staff-names"),
                w.stream().map(x -> x.caseRef() + " " + x.what().code()).toList());
    }

    @Test
    void codesReadBackAsTheyWereStored() {
        for (Withholding.What what : Withholding.What.values()) {
            assertEquals(what, Withholding.What.of(what.code()));
        }
        assertEquals(Withholding.Exemption.THIRD_PARTY, Withholding.Exemption.of("dpa-2018-sch-2-para-16"));
    }
}
