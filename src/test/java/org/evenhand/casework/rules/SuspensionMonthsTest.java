package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.evenhand.testing.PublishedDefinition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A suspension decided runs for the median of the terms voted by those who voted a suspension. */
@Tag("fast")
class SuspensionMonthsTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = ';', value = {
            "harassment+ suspension:3 / harassment+ suspension:6 / harassment+ suspension:12; suspension; 6",
            "harassment+ suspension:12 / harassment+ suspension:3 / harassment+ suspension:6; suspension; 6",
            "harassment+ suspension:3 / harassment+ suspension:6 / harassment+ formal-warning; suspension; 3",
            "harassment+ suspension:2 / harassment+ suspension:2 / harassment+ suspension:9; suspension; 2",
            "harassment+ suspension:12 / harassment+ formal-warning / harassment+ advice-training; formal-warning; ",
            // the median is off the ladder (referral) and comes down to suspension: the one term voted
            "harassment+ referral-expulsion / harassment+ referral-expulsion / harassment+ suspension:4; suspension; 4",
    })
    void theMedianTerm(String votes, String sanction, Integer months) {
        PanelTally.Result r = PanelTally.tally(List.of("harassment"), PublishedDefinition.ladder2026(), Ballots.parse(votes));
        assertEquals(sanction, r.sanction());
        assertEquals(months, r.months());
    }
}
