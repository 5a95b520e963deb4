package org.evenhand.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.PublishedDefinition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ladder of version 2026.1: what the gravest clause upheld allows, terms, titles, the nearest rung. */
@Tag("fast")
class SanctionLadderTest {

    static final SanctionLadder LADDER = PublishedDefinition.ladder2026();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "; no-action",
            "bullying; no-action,advice-training,formal-warning",
            "harassment; advice-training,formal-warning,suspension",
            "bullying,harassment; advice-training,formal-warning,suspension",
            "bullying,doxxing; formal-warning,suspension,referral-expulsion",
            "violent-threat,harassment,bullying; formal-warning,suspension,referral-expulsion",
            "no-such-clause; no-action",
    })
    void theGravestClauseUpheldSetsTheRungs(String upheld, String allowed) {
        List<String> clauses = upheld == null ? List.of() : Arrays.asList(upheld.split(","));
        assertEquals(Arrays.asList(allowed.split(",")), LADDER.allowedFor(clauses));
    }

    @ParameterizedTest(name = "{0}: rung {1}, {2}, up to {3} months")
    @CsvSource(delimiter = ';', value = {
            "no-action; 0; No action; 12",
            "formal-warning; 2; Formal warning; 12",
            "suspension; 3; Suspension; 12",
            "referral-expulsion; 4; Referral for expulsion; 12",
    })
    void rungsTitlesAndTerms(String sanction, int rung, String title, int maxMonths) {
        assertEquals(rung, LADDER.rung(sanction));
        assertEquals(title, LADDER.title(sanction));
        assertEquals(maxMonths, LADDER.maxMonths(sanction));
    }

    @Test
    void anUnknownSanctionKeepsItsIdAsTitle() {
        assertEquals("warning", LADDER.title("warning"));
    }

    @ParameterizedTest(name = "{0} among {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "c; b,d; b",
            "c; d,b; b",
            "a; b,d; b",
            "e; b,d; d",
            "d; b,d; d",
            "e; a; a",
    })
    void theNearestAllowedRungAndOfTwoTheLesser(String sanction, String allowed, String nearest) {
        DefinitionVersion v = new DefinitionVersion("t", "test", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1),
                List.of(), "", List.of(), List.of(), List.of(), List.of(
                        new DefinitionVersion.Sanction("a", 0, "A", "", null, null),
                        new DefinitionVersion.Sanction("b", 1, "B", "", null, null),
                        new DefinitionVersion.Sanction("c", 2, "C", "", null, null),
                        new DefinitionVersion.Sanction("d", 3, "D", "", null, 6),
                        new DefinitionVersion.Sanction("e", 4, "E", "", null, null)), Map.of());
        assertEquals(nearest, SanctionLadder.of(v).nearestAllowed(sanction, Arrays.asList(allowed.split(","))));
        assertEquals(6, SanctionLadder.of(v).maxMonths("d"));
    }
}
