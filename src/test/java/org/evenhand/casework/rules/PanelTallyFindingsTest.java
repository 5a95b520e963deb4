package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.evenhand.definition.SanctionLadder;
import org.evenhand.testing.PublishedDefinition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The majority on each clause engaged, clause by clause; a split vote goes the way of two of the three. */
@Tag("fast")
class PanelTallyFindingsTest {

    static final SanctionLadder LADDER = PublishedDefinition.ladder2026();
    static final List<String> ENGAGED = List.of("harassment", "bullying");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            // votes; findings decided; upheld
            "harassment+ bullying- formal-warning / harassment+ bullying- formal-warning / harassment+ bullying- formal-warning; harassment+ bullying-; true",
            "harassment+ bullying- formal-warning / harassment+ bullying- formal-warning / harassment- bullying- no-action; harassment+ bullying-; true",
            "harassment+ bullying- formal-warning / harassment- bullying- no-action / harassment- bullying- no-action; harassment- bullying-; false",
            "harassment+ bullying- formal-warning / harassment- bullying+ formal-warning / harassment+ bullying+ formal-warning; harassment+ bullying+; true",
            "harassment+ bullying- formal-warning / harassment- bullying+ formal-warning / harassment- bullying- no-action; harassment- bullying-; false",
            "harassment- bullying+ advice-training / harassment- bullying+ advice-training / harassment+ bullying- formal-warning; harassment- bullying+; true",
            // two votes (a seat stood down): one each way is no majority
            "harassment+ bullying- formal-warning / harassment- bullying- no-action; harassment- bullying-; false",
    })
    void eachClauseGoesByMajority(String votes, String expected, boolean upheld) {
        PanelTally.Result r = PanelTally.tally(ENGAGED, LADDER, Ballots.parse(votes));
        assertEquals(Ballots.findings(expected), r.findings());
        assertEquals(upheld, r.upheld());
        if (!upheld) {
            assertEquals("no-action", r.sanction(), "nothing upheld, nothing imposed");
            assertEquals(null, r.months());
        }
    }
}
