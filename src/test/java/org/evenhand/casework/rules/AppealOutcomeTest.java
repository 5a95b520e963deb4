package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An appeal is allowed only when more than half of the appeal panel allow it. */
@Tag("fast")
class AppealOutcomeTest {

    @ParameterizedTest(name = "{0} of {1} allow -> {2}")
    @CsvSource({ "0, 3, false", "1, 3, false", "2, 3, true", "3, 3, true", "1, 2, false", "2, 2, true", "0, 0, false" })
    void aMajorityAllows(long allowing, int votes, boolean allowed) {
        assertEquals(allowed, PanelTally.appealAllowed(allowing, votes));
    }
}
