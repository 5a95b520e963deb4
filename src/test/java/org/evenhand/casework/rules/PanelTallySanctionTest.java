package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.evenhand.testing.PublishedDefinition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sanction is the median of the votes by rung on the ladder, whatever order they were cast in. */
@Tag("fast")
class PanelTallySanctionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            // harassment is tier 3: advice-training, formal-warning, suspension
            "harassment+ advice-training / harassment+ formal-warning / harassment+ suspension:3; formal-warning",
            "harassment+ suspension:3 / harassment+ advice-training / harassment+ formal-warning; formal-warning",
            "harassment+ formal-warning / harassment+ formal-warning / harassment+ suspension:3; formal-warning",
            "harassment+ suspension:3 / harassment+ suspension:6 / harassment+ formal-warning; suspension",
            "harassment+ advice-training / harassment+ advice-training / harassment+ suspension:12; advice-training",
            // one member finds nothing and votes no-action: the median of the three still counts their vote
            "harassment- no-action / harassment+ advice-training / harassment+ suspension:6; advice-training",
            // two votes: the lower of the two
            "harassment+ advice-training / harassment+ suspension:2; advice-training",
    })
    void theMedianVoteByRung(String votes, String sanction) {
        PanelTally.Result r = PanelTally.tally(List.of("harassment"), PublishedDefinition.ladder2026(), Ballots.parse(votes));
        assertTrue(r.upheld());
        assertEquals(sanction, r.sanction());
        assertEquals(List.of(), r.departureReasons());
    }
}
