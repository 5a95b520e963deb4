package org.evenhand.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.evenhand.membership.SyncRules.Change;
import org.evenhand.membership.SyncRules.Kind;
import org.evenhand.membership.SyncRules.MemberState;
import org.evenhand.membership.SyncRules.Mode;
import org.evenhand.membership.SyncRules.Plan;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule of a membership sync (decision 0039), as a table: for a member held or not and a record saying
 * something of them, the kind of change and the fields it names; a full batch lapses the active members it
 * leaves out (never the lapsed ones again), an upsert leaves them alone; applying the plan and planning the
 * same batch again changes nothing; a full batch that would lapse too many for their absence is refused.
 */
@Tag("fast")
class SyncRulesTest {

    static final MemberState ALICE = new MemberState("M1", "Alice Adeyemi", "alice@example.org", "Leeds Central",
            "Yorkshire", "active");

    static MemberState with(MemberState m, String field, String value) {
        return new MemberState(m.membershipNumber(), field.equals("displayName") ? value : m.displayName(),
                field.equals("email") ? value : m.email(), field.equals("clp") ? value : m.clp(),
                field.equals("region") ? value : m.region(), field.equals("status") ? value : m.status());
    }

    static Stream<Arguments> oneRecord() {
        MemberState lapsedAlice = with(ALICE, "status", "lapsed");
        return Stream.of(
                // held (null: nobody), said, kind, fields
                Arguments.of(null, ALICE, Kind.CREATED, List.of()),
                Arguments.of(null, lapsedAlice, Kind.CREATED, List.of()),
                Arguments.of(ALICE, ALICE, Kind.UNCHANGED, List.of()),
                Arguments.of(ALICE, with(ALICE, "email", "ALICE@Example.org"), Kind.UNCHANGED, List.of()),
                Arguments.of(ALICE, with(ALICE, "email", "alice@new.example.org"), Kind.UPDATED, List.of("email")),
                Arguments.of(ALICE, with(ALICE, "email", null), Kind.UPDATED, List.of("email")),
                Arguments.of(with(ALICE, "email", null), ALICE, Kind.UPDATED, List.of("email")),
                Arguments.of(ALICE, with(ALICE, "displayName", "Alice Brown"), Kind.UPDATED, List.of("displayName")),
                Arguments.of(ALICE, with(with(ALICE, "clp", "Leeds East"), "region", "Yorks"), Kind.UPDATED,
                        List.of("clp", "region")),
                Arguments.of(ALICE, lapsedAlice, Kind.LAPSED, List.of("status")),
                Arguments.of(ALICE, with(lapsedAlice, "clp", "Leeds East"), Kind.LAPSED, List.of("clp", "status")),
                Arguments.of(lapsedAlice, ALICE, Kind.REACTIVATED, List.of("status")),
                Arguments.of(lapsedAlice, lapsedAlice, Kind.UNCHANGED, List.of()),
                Arguments.of(lapsedAlice, with(lapsedAlice, "displayName", "Alice Brown"), Kind.UPDATED,
                        List.of("displayName")));
    }

    @ParameterizedTest(name = "[{index}] {2} {3}")
    @MethodSource("oneRecord")
    void eachRecordIsMatchedByMembershipNumber(MemberState held, MemberState said, Kind kind, List<String> fields) {
        for (Mode mode : Mode.values()) {
            Plan plan = SyncRules.plan(held == null ? List.of() : List.of(held), List.of(said), mode);
            assertEquals(List.of(new Change("M1", kind, fields, false)), plan.changes(), mode.word());
        }
    }

    static Stream<Arguments> leftOut() {
        MemberState bob = new MemberState("M2", "Bob Brennan", "bob@example.org", "Bristol West", "South West", "active");
        MemberState carol = new MemberState("M3", "Carol Chowdhury", null, "Leeds Central", "Yorkshire", "lapsed");
        return Stream.of(
                // mode, held, batch, expected (number:kind[:absent])
                Arguments.of(Mode.UPSERT, List.of(ALICE, bob, carol), List.of(ALICE), List.of("M1:unchanged")),
                Arguments.of(Mode.FULL, List.of(ALICE, bob, carol), List.of(ALICE), List.of("M1:unchanged", "M2:lapsed:absent")),
                Arguments.of(Mode.FULL, List.of(ALICE, bob, carol), List.of(ALICE, bob), List.of("M1:unchanged", "M2:unchanged")),
                Arguments.of(Mode.FULL, List.of(bob, ALICE), List.of(with(carol, "status", "active")),
                        List.of("M3:created", "M1:lapsed:absent", "M2:lapsed:absent")),
                Arguments.of(Mode.UPSERT, List.of(), List.of(ALICE, bob), List.of("M1:created", "M2:created")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("leftOut")
    void aFullBatchLapsesTheActiveMembersItLeavesOut(Mode mode, List<MemberState> held, List<MemberState> batch,
            List<String> expected) {
        List<String> got = SyncRules.plan(held, batch, mode).changes().stream()
                .map(c -> c.membershipNumber() + ":" + c.kind().word() + (c.absent() ? ":absent" : "")).toList();
        assertEquals(expected, got);
    }

    @Test
    void theSameBatchAppliedTwiceChangesNothingTheSecondTime() {
        MemberState bob = new MemberState("M2", "Bob Brennan", "bob@example.org", "Bristol West", "South West", "active");
        MemberState dan = new MemberState("M4", "Dan Doyle", "dan@example.org", "Hove", "South East", "active");
        List<MemberState> held = List.of(ALICE, bob, dan);
        List<MemberState> batch = List.of(with(ALICE, "email", "a@example.org"), with(bob, "status", "lapsed"),
                new MemberState("M5", "Erin Evans", null, "Hove", "South East", "active"));
        for (Mode mode : Mode.values()) {
            Plan first = SyncRules.plan(held, batch, mode);
            assertTrue(first.changed().size() >= 3, mode.word());
            List<MemberState> after = applied(held, batch, first);
            Plan second = SyncRules.plan(after, batch, mode);
            assertEquals(List.of(), second.changed(), mode.word() + ": " + second.changes());
            assertEquals(batch.size(), second.count(Kind.UNCHANGED));
        }
    }

    /** The members as they would be held after the plan (what MembershipSync writes). */
    static List<MemberState> applied(List<MemberState> held, List<MemberState> batch, Plan plan) {
        Map<String, MemberState> byNumber = new HashMap<>();
        held.forEach(h -> byNumber.put(h.membershipNumber(), h));
        Map<String, MemberState> said = new HashMap<>();
        batch.forEach(b -> said.put(b.membershipNumber(), b));
        for (Change c : plan.changed()) {
            byNumber.put(c.membershipNumber(), c.absent() ? with(byNumber.get(c.membershipNumber()), "status", "lapsed")
                    : said.get(c.membershipNumber()));
        }
        return new ArrayList<>(byNumber.values());
    }

    static Stream<Arguments> absentShare() {
        return Stream.of(
                // active members held, left out of a full batch, share allowed, refused
                Arguments.of(100, 10, 0.1, false), Arguments.of(100, 11, 0.1, true), Arguments.of(100, 0, 0.0, false),
                Arguments.of(5, 1, 0.1, true), Arguments.of(5, 1, 0.2, false), Arguments.of(1000, 1000, 1.0, false),
                Arguments.of(1000, 1000, 0.99, true));
    }

    @ParameterizedTest(name = "[{index}] {1} of {0} left out, {2} allowed -> refused {3}")
    @MethodSource("absentShare")
    void aFullBatchThatWouldLapseTooManyForTheirAbsenceIsRefused(int active, int leftOut, double share, boolean refused) {
        List<MemberState> held = new ArrayList<>();
        List<MemberState> batch = new ArrayList<>();
        for (int i = 0; i < active; i++) {
            MemberState m = new MemberState("N" + i, "Member " + i, null, "CLP", "Region", "active");
            held.add(m);
            if (i >= leftOut) {
                batch.add(m);
            }
        }
        batch.add(new MemberState("NEW", "New Member", null, "CLP", "Region", "active"));
        Plan plan = SyncRules.plan(held, batch, Mode.FULL);
        assertEquals(leftOut, plan.absentLapses());
        assertEquals(refused, SyncRules.tooManyAbsent(plan, share));
        assertFalse(SyncRules.tooManyAbsent(SyncRules.plan(held, batch, Mode.UPSERT), share), "an upsert lapses nobody absent");
    }

    @Test
    void modesAreNamedByTheirWords() {
        assertEquals(Mode.UPSERT, Mode.of("upsert"));
        assertEquals(Mode.FULL, Mode.of("full"));
        assertEquals(null, Mode.of("FULL"));
        assertEquals(null, Mode.of(null));
    }
}
