package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.evenhand.testing.PublishedDefinition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A median sanction off the ladder for the clauses upheld, with no reason recorded for departing,
 * is brought to the nearest rung the ladder allows.
 */
@Tag("fast")
class LadderClampTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            // clause upheld (its tier); the median vote; the sanction decided; its months
            "bullying; suspension:4; formal-warning; ",
            "bullying; referral-expulsion; formal-warning; ",
            "bullying; formal-warning; formal-warning; ",
            "violent-threat; advice-training; formal-warning; ",
            "violent-threat; no-action; formal-warning; ",
            "harassment; no-action; advice-training; ",
            // clamped down onto suspension with nobody having voted a term: one month
            "harassment; referral-expulsion; suspension; 1",
            "doxxing; referral-expulsion; referral-expulsion; ",
    })
    void offTheLadderComesBackToTheNearestRung(String clause, String median, String decided, Integer months) {
        String vote = clause + "+ " + median;
        PanelTally.Result r = PanelTally.tally(List.of(clause), PublishedDefinition.ladder2026(),
                Ballots.parse(vote + " / " + vote + " / " + vote));
        assertEquals(decided, r.sanction());
        assertEquals(months, r.months());
        assertEquals(List.of(), r.departureReasons(), "a clamped sanction records no departure");
    }
}
