package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.evenhand.casework.rules.Eligibility.Candidate;
import org.evenhand.casework.rules.Eligibility.CaseFacts;
import org.evenhand.casework.rules.Eligibility.Parties;
import org.evenhand.casework.rules.Eligibility.Person;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision 0038: an untrained, lapsed or inactive handler is never drawn. The rule of standing on
 * its own, and inside every pool the eligibility rule draws from (investigator, panel seats,
 * reassignment candidates all go through {@link Eligibility#pool}).
 */
@Tag("fast")
class StandingTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final CaseFacts FACTS = new CaseFacts(Parties.of(new Person("alice", "M1", "North", "North West"),
            new Person("bob", "M2", "South", "Wales"), List.of()), LocalDate.of(2026, 3, 1), TODAY, Set.of(), Set.of());

    @ParameterizedTest(name = "active {0}, trained {1}, expires {2} -> {3}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            // active; trained on; training expires; standing on 2026-06-01
            "true;  2025-06-01; 2027-06-01; IN_STANDING",
            "true;  2026-06-01; 2027-06-01; IN_STANDING",     // trained today
            "true;  2024-06-01; 2026-06-01; IN_STANDING",     // the last day it counts
            "true;  2024-06-01; 2026-05-31; TRAINING_LAPSED", // lapsed yesterday
            "true;  2020-01-01; 2021-01-01; TRAINING_LAPSED",
            "true;  2025-06-01; -;          IN_STANDING",     // no expiry recorded: it does not lapse
            "true;  -;          -;          UNTRAINED",
            "true;  -;          2027-06-01; UNTRAINED",
            "true;  2026-06-02; 2027-06-02; UNTRAINED",       // a training date still to come
            "false; 2025-06-01; 2027-06-01; INACTIVE",
            "false; -;          -;          INACTIVE",        // inactive comes first
            "false; 2020-01-01; 2021-01-01; INACTIVE",
    })
    void standingOnADay(boolean active, LocalDate trained, LocalDate expires, Standing.Status expected) {
        Standing s = new Standing(active, trained, expires);
        assertEquals(expected, s.on(TODAY));
        assertEquals(expected == Standing.Status.IN_STANDING, s.mayBeDrawn(TODAY));
    }

    @ParameterizedTest(name = "zed active {0}, trained {1}, expires {2} -> in the pool {3}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            "true;  2025-06-01; 2027-06-01; true",
            "true;  2024-06-01; 2026-05-31; false",
            "true;  -;          -;          false",
            "false; 2025-06-01; 2027-06-01; false",
    })
    void everyPoolLeavesOutWhoeverIsOutOfStanding(boolean active, LocalDate trained, LocalDate expires, boolean drawn) {
        Candidate casey = new Candidate("casey", "East", new Standing(true, LocalDate.of(2025, 1, 1), null));
        Candidate zed = new Candidate("zed", "Elsewhere", new Standing(active, trained, expires));
        List<String> expected = drawn ? List.of("casey", "zed") : List.of("casey");
        assertEquals(expected, Eligibility.pool(FACTS, List.of(casey, zed), List.of(), Set.of()).handlers());
        // a pile-on's relaxation never lets someone out of standing back in
        CaseFacts pileOn = new CaseFacts(Parties.of(new Person("alice", "M1", "North", "North West"),
                new Person("bob", "M2", "South", "Wales"), List.of(new Person("erin", "M3", "Elsewhere", "Scotland"))),
                FACTS.conductDate(), TODAY, Set.of(), Set.of());
        Eligibility.Pool relaxed = Eligibility.pool(pileOn, List.of(zed), List.of(), Set.of());
        assertEquals(drawn ? List.of("zed") : List.of(), relaxed.handlers());
        // and a draw from the pool can only ever pick those in standing
        for (long seed = 0; seed < 50; seed++) {
            String pick = Eligibility.draw(Eligibility.pool(FACTS, List.of(casey, zed), List.of(), Set.of()).handlers(), 1,
                    new java.util.Random(seed)).orElseThrow().get(0);
            assertEquals(true, expected.contains(pick), pick);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "IN_STANDING, in-standing", "INACTIVE, inactive", "UNTRAINED, untrained", "TRAINING_LAPSED, training-lapsed" })
    void codes(Standing.Status s, String code) {
        assertEquals(code, s.code());
    }
}
