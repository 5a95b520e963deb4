package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.evenhand.casework.rules.Eligibility.Candidate;
import org.evenhand.casework.rules.Eligibility.CaseFacts;
import org.evenhand.casework.rules.Eligibility.Interest;
import org.evenhand.casework.rules.Eligibility.InterestKind;
import org.evenhand.casework.rules.Eligibility.Parties;
import org.evenhand.casework.rules.Eligibility.Person;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Declared interests, people named as involved, recusals and the joined complainants' CLPs: who
 * they exclude, and the one relaxation when a pile-on would leave nobody.
 */
@Tag("fast")
class DeclaredInterestsTest {

    /** alice (M1, North, North West) complains about bob (M2, South, Wales); erin (M3, West) joined. */
    static final Parties PARTIES = Parties.of(new Person("alice", "M1", "North", "North West"),
            new Person("bob", "M2", "South", "Wales"), List.of(new Person("erin", "M3", "West", "Scotland")));
    static final LocalDate CONDUCT = LocalDate.of(2026, 3, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final CaseFacts FACTS = new CaseFacts(PARTIES, CONDUCT, TODAY, Set.of(), Set.of());
    static final Candidate CASEY = new Candidate("casey", "East");
    static final Candidate ZED = new Candidate("zed", "Elsewhere");

    @ParameterizedTest(name = "casey declared {0} {1} from {2} to {3} -> conflicts {4}")
    @CsvSource(delimiter = ';', value = {
            // kind; value; from; to (empty: still held); conflicts with the case
            "member; M2; 2020-01-01; ; true",
            "member; m2 ; 2020-01-01; ; true",
            "member; M3; 2020-01-01; ; true",
            "member; M9; 2020-01-01; ; false",
            "member; M1; 2026-03-01; 2026-03-01; true",
            "member; M1; 2020-01-01; 2026-02-28; false",
            "member; M1; 2026-06-02; ; false",
            "member; M1; 2026-05-31; ; true",
            "clp; South; 2019-01-01; ; true",
            "clp; west; 2019-01-01; ; true",
            "clp; Central; 2019-01-01; ; false",
            "body; Wales; 2019-01-01; 2026-04-01; true",
            "body; Wales; 2019-01-01; 2025-12-31; false",
            "body; Unite; 2019-01-01; ; false",
    })
    void aDeclaredInterestInAPartyExcludes(String kind, String value, LocalDate from, LocalDate to, boolean conflicts) {
        Interest i = new Interest("casey", InterestKind.of(kind).orElseThrow(), value, from, to);
        assertEquals(conflicts, Eligibility.conflicts(FACTS, i));
        List<String> pool = Eligibility.pool(FACTS, List.of(CASEY, ZED), List.of(i), Set.of()).handlers();
        assertEquals(conflicts ? List.of("zed") : List.of("casey", "zed"), pool);
    }

    @Test
    void anotherHandlersInterestDoesNotExclude() {
        Interest zeds = new Interest("zed", InterestKind.member, "M2", CONDUCT, null);
        assertEquals(List.of("casey"), Eligibility.pool(FACTS, List.of(CASEY, ZED), List.of(zeds), Set.of()).handlers());
    }

    @Test
    void namedAsInvolvedOrRecusedExcludes() {
        CaseFacts facts = new CaseFacts(PARTIES, CONDUCT, TODAY, Set.of("casey"), Set.of("zed"));
        Candidate ivy = new Candidate("ivy", null);
        assertEquals(List.of("ivy"), Eligibility.pool(facts, List.of(CASEY, ZED, ivy), List.of(), Set.of()).handlers());
    }

    @Test
    void aJoinedComplainantsClpColleagueIsNotEligible() {
        Eligibility.Pool pool = Eligibility.pool(FACTS, List.of(new Candidate("wes", "West"), CASEY), List.of(), Set.of());
        assertEquals(List.of("casey"), pool.handlers());
        assertFalse(pool.relaxed());
    }

    @Test
    void whenJoinedClpsWouldLeaveNobodyTheyAloneAreLetInAndThePoolSaysSo() {
        Candidate wes = new Candidate("wes", "West");
        Candidate norm = new Candidate("norm", "North");
        Interest declared = new Interest("wes2", InterestKind.member, "M2", CONDUCT, null);
        Candidate wes2 = new Candidate("wes2", "West");
        Eligibility.Pool pool = Eligibility.pool(FACTS, List.of(wes, norm, wes2), List.of(declared), Set.of());
        assertTrue(pool.relaxed());
        assertEquals(List.of("wes"), pool.handlers(), "the parties' own CLPs and declared interests still exclude");
    }

    @Test
    void nobodyAtAllIsAnEmptyPoolNotARelaxedOne() {
        Eligibility.Pool pool = Eligibility.pool(FACTS, List.of(new Candidate("norm", "North")), List.of(), Set.of());
        assertEquals(List.of(), pool.handlers());
        assertFalse(pool.relaxed());
    }

    @Test
    void withNoConductDateTheCaseRunsFromToday() {
        CaseFacts facts = new CaseFacts(PARTIES, null, TODAY, Set.of(), Set.of());
        assertTrue(Eligibility.conflicts(facts, new Interest("casey", InterestKind.member, "M1", TODAY, null)));
        assertFalse(Eligibility.conflicts(facts, new Interest("casey", InterestKind.member, "M1", null, CONDUCT)));
    }
}
