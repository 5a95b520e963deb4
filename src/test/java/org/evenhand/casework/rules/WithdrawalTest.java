package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A complainant's withdrawal: until the panel decides; the case ends only with its last complainant. */
@Tag("fast")
class WithdrawalTest {

    @ParameterizedTest(name = "decided {0}, withdrew before {1}, {2} others standing: {3}")
    @CsvSource({
            "false, false, 0, ENDS_CASE",
            "false, false, 1, ENDS_OWN_PART",
            "false, false, 40, ENDS_OWN_PART",
            "true,  false, 0, REFUSED",
            "true,  false, 3, REFUSED",
            "false, true,  0, REFUSED",
            "false, true,  2, REFUSED",
    })
    void whatAWithdrawalDoes(boolean decided, boolean withdrew, int others, Withdrawal.Effect effect) {
        assertEquals(effect, Withdrawal.of(decided, withdrew, others));
    }
}
