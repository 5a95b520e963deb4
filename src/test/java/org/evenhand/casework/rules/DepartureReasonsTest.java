package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.evenhand.testing.PublishedDefinition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A median off the ladder stands when a member who voted for it recorded why the panel departs
 * from the ladder; the reasons of those members are the decision's. Reasons given by members who
 * voted otherwise, or for a sanction already on the ladder, do not count.
 */
@Tag("fast")
class DepartureReasonsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            // bullying is tier 2: no-action, advice-training, formal-warning. votes; decided; reasons kept (comma-separated)
            "bullying+ suspension:3|repeated after warnings / bullying+ suspension:5|a course of conduct / bullying+ advice-training; suspension; repeated after warnings,a course of conduct",
            "bullying+ suspension:3|repeated after warnings / bullying+ suspension:5 / bullying+ advice-training; suspension; repeated after warnings",
            "bullying+ suspension:3 / bullying+ suspension:5 / bullying+ advice-training|lenient; formal-warning; ",
            "bullying+ formal-warning|not needed / bullying+ formal-warning / bullying+ formal-warning; formal-warning; ",
            "bullying+ suspension:3|   / bullying+ suspension:5 / bullying+ formal-warning; formal-warning; ",
    })
    void onlyTheMediansOwnReasonsLetItStand(String votes, String decided, String reasons) {
        PanelTally.Result r = PanelTally.tally(List.of("bullying"), PublishedDefinition.ladder2026(), Ballots.parse(votes));
        assertEquals(decided, r.sanction());
        assertEquals(reasons == null ? List.of() : Arrays.asList(reasons.split(",")), r.departureReasons());
    }
}
