package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a reminder goes: the lead before the window closes, never in the window's first half (decision 0035). */
@Tag("fast")
class RemindersTest {

    @ParameterizedTest(name = "window {0}, lead {1} -> after {2}")
    @CsvSource({
            // a lead well inside the window: that long before it closes, in days as the window counts them
            "P14D,  P3D,   P11D",
            "P7D,   P2D,   P5D",
            "P21D,  P3D,   P18D",
            "P28D,  P2D,   P26D",
            // exactly half: the lead stands
            "P6D,   P3D,   P3D",
            // a lead longer than half the window: halfway through instead, never at once
            "P4D,   P3D,   P2D",
            "P2D,   P7D,   P1D",
            "P5D,   P3D,   PT60H",
            // hours count as hours, and a window in days with a lead in hours is counted in hours
            "PT72H, PT12H, PT60H",
            "P7D,   PT36H, PT132H",
            "PT10H, P1D,   PT5H",
    })
    void remindAfter(String window, String lead, String expected) {
        assertEquals(expected, Reminders.after(window, lead));
    }

    @Test
    void monthsAreRefusedAsTheyHaveNoFixedLength() {
        assertThrows(IllegalArgumentException.class, () -> Reminders.after("P1M", "PT12H"));
    }

    @Test
    void eachLimitHasItsReminderVariable() {
        assertEquals("remindResponseWindow", Reminders.variable("responseWindow"));
        assertEquals("remindTargetTriage", Reminders.variable("targetTriage"));
    }
}
