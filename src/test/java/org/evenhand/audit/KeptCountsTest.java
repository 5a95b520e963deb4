package org.evenhand.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The counts kept by month (V33) equal a full recount of the facts after every kind of change a
 * fact row can see, and a report read from them is the report read from the facts: the same
 * groups, counts, histograms and data hash, so suppression and statistics cannot differ.
 */
@QuarkusTest
class KeptCountsTest {

    static final String MISMATCHES = "SELECT count(*) FROM audit_fact_counts_mismatches()";
    static final String SPEC = """
            {"seed": 47, "members": 500, "cases": 2500, "from": "2008-01-01", "to": "2008-12-31", "counter": 0.2,
             "open": 0.1}""";
    static final String MINE = "SELECT c.id FROM cases c JOIN members m ON m.id = c.respondent_id WHERE m.region = ?"
            + " ORDER BY c.id";

    @Inject
    FairnessQueries queries;

    @Test
    void keptCountsEqualAFullRecountAfterEveryKindOfChange() {
        String region = AuditTestData.region("kept", SPEC);
        assertEquals(0, Sql.number(MISMATCHES), "after the bulk load (one statement per table)");
        List<String> ids = Sql.strings(MINE, region);
        assertTrue(ids.size() > 2000, ids.size() + " cases");
        String members = "(SELECT id FROM members WHERE region = '" + region.replace("'", "''") + "')";
        // faction declarations changed, withdrawn (consent withdrawn) and made
        assertTrue(Sql.update("UPDATE faction_declarations SET faction = CASE faction WHEN 'left' THEN 'right'"
                + " ELSE 'left' END, updated_at = now() WHERE member_id IN (SELECT id FROM " + members + " x"
                + " WHERE id % 7 = 0)") > 10);
        assertTrue(Sql.update("DELETE FROM faction_declarations WHERE member_id IN (SELECT id FROM " + members
                + " x WHERE id % 7 = 1)") > 10);
        assertTrue(Sql.update("INSERT INTO faction_declarations (member_id, faction, notice_version, purpose,"
                + " declared_at, updated_at) SELECT id, 'centre', '2026-1', 'fairness-audit', now(), now() FROM "
                + members + " x WHERE id NOT IN (SELECT member_id FROM faction_declarations) AND id % 3 = 0") > 5);
        String some = " IN (SELECT id::bigint FROM unnest(?::text[]) WITH ORDINALITY AS u (id, n) WHERE n %% %d = %d)";
        Object all = ids.toArray(new String[0]);
        // cases: received in another month (and year end), triage undone and redone, a characteristic recorded
        assertTrue(Sql.update("UPDATE cases SET received_at = received_at + interval '20 days' WHERE id"
                + some.formatted(11, 0), all) > 100);
        assertTrue(Sql.update("UPDATE cases SET in_scope = NOT in_scope, engaged_clauses = cited_clauses WHERE"
                + " in_scope IS NOT NULL AND id" + some.formatted(13, 1), all) > 100);
        assertTrue(Sql.update("UPDATE cases SET protected_characteristic = CASE WHEN protected_characteristic IS NULL"
                + " THEN 'age' END WHERE id" + some.formatted(17, 2), all) > 100);
        // decisions changed and withdrawn, appeals withdrawn, suspensions lifted and removed
        assertTrue(Sql.update("UPDATE decisions SET upheld = NOT upheld, sanction = CASE WHEN upheld THEN 'no-action'"
                + " ELSE 'formal-warning' END, decided_at = decided_at + interval '9 days' WHERE case_id"
                + some.formatted(5, 3), all) > 50);
        assertTrue(Sql.update("DELETE FROM decisions WHERE bench = 'appeal' AND case_id" + some.formatted(3, 1),
                all) > 5);
        assertTrue(Sql.update("DELETE FROM appeals WHERE case_id" + some.formatted(4, 1), all) > 5);
        assertTrue(Sql.update("UPDATE interim_suspensions SET lifted_at = coalesce(lifted_at, imposed_at) + interval"
                + " '3 days' WHERE case_id" + some.formatted(2, 0), all) > 5);
        Sql.update("DELETE FROM interim_suspensions WHERE case_id" + some.formatted(6, 1), all);
        // overdue stages raised and removed
        assertTrue(Sql.update("INSERT INTO timeline_entries (case_id, at, actor, kind, summary, audience)"
                + " SELECT id::bigint, now(), 'process', 'overdue', 'Stage target passed', 'staff'"
                + " FROM unnest(?::text[]) WITH ORDINALITY AS u (id, n) WHERE n % 19 = 4", all) > 50);
        assertTrue(Sql.update("DELETE FROM timeline_entries WHERE kind = 'overdue' AND case_id"
                + some.formatted(9, 2), all) > 5);
        // complainants join a case (a pile-on) and one leaves again
        assertTrue(Sql.update("INSERT INTO case_complainants (case_id, member_id, conduct_date, definition_version,"
                + " cited_clauses, matched_on, filed_at) SELECT c.id, m.id, c.conduct_date, c.definition_version,"
                + " c.cited_clauses, 'link', c.received_at FROM cases c CROSS JOIN LATERAL (SELECT id FROM " + members
                + " x WHERE x.id NOT IN (c.complainant_id, c.respondent_id) LIMIT 2) m WHERE c.id"
                + some.formatted(23, 5), all) > 50);
        assertTrue(Sql.update("DELETE FROM case_complainants WHERE id IN (SELECT min(id) FROM case_complainants"
                + " WHERE case_id" + some.formatted(46, 5) + " GROUP BY case_id)", all) > 10);
        // cases deleted outright (their facts go by cascade; complaints that answered them are relinked)
        String gone = "SELECT id::bigint FROM unnest(?::text[]) WITH ORDINALITY AS u (id, n) WHERE n % 29 = 7";
        for (String child : List.of("decisions", "appeals", "interim_suspensions", "timeline_entries",
                "case_complainants", "notifications", "conduct_keys")) {
            Sql.update("DELETE FROM " + child + " WHERE case_id IN (" + gone + ")", all);
        }
        assertTrue(Sql.update("DELETE FROM cases WHERE id IN (" + gone + ")", all) > 50);
        assertEquals(0, Sql.number(MISMATCHES), "after every kind of change");

        for (Period p : List.of(new Period(LocalDate.of(2008, 1, 1), LocalDate.of(2009, 1, 31)),
                new Period(LocalDate.of(2008, 2, 10), LocalDate.of(2008, 11, 20)),
                new Period(LocalDate.of(2008, 3, 5), LocalDate.of(2008, 3, 25)))) {
            assertSame(read(p, 14, true), read(p, 14, false), p.toString());
        }
        Period year = new Period(LocalDate.of(2008, 1, 1), LocalDate.of(2008, 12, 31));
        assertSame(read(year, 7, true), read(year, 7, false), "other windows: read from the facts");

        // A wrong kept count is found, shows in the report, and the recount puts it right.
        try {
            assertEquals(1, Sql.update("UPDATE audit_fact_counts SET upheld = upheld + 1 WHERE ctid = (SELECT ctid FROM"
                    + " audit_fact_counts WHERE months = 12 AND month = '2008-01-01' AND cases > 0 LIMIT 1)"));
            assertEquals(1, Sql.number(MISMATCHES + " WHERE side = 'kept'"));
            assertNotEquals(read(year, 14, false).sha256(), read(year, 14, true).sha256(), "the report reads them");
        } finally {
            assertEquals(1, Sql.number("SELECT audit_fact_counts_recount()"), "one kept row was wrong");
        }
        assertEquals(0, Sql.number(MISMATCHES));
        assertSame(read(year, 14, true), read(year, 14, false), "after the recount");
    }

    private FairnessQueries.Data read(Period p, int window, boolean kept) {
        List<String> sanctions = Sql.strings("SELECT DISTINCT sanction FROM audit_case_facts WHERE sanction IS NOT NULL"
                + " ORDER BY 1");
        return queries.read(p, new FairnessQueries.Filter(null, null), sanctions, sanctions.subList(0, 2), window, 3,
                "64MB", Instant.parse("2026-01-01T00:00:00Z"), kept);
    }

    private static void assertSame(FairnessQueries.Data kept, FairnessQueries.Data facts, String what) {
        assertTrue(facts.rows().size() > 10, what);
        assertEquals(text(facts), text(kept), what);
        assertEquals(facts.sha256(), kept.sha256(), what);
    }

    private static String text(FairnessQueries.Data d) {
        StringBuilder s = new StringBuilder();
        d.rows().forEach(r -> s.append(FairnessQueries.key(r)).append(Arrays.toString(r.counts())).append('\n'));
        for (List<FairnessQueries.DaysRow> days : List.of(d.decisionDays(), d.characteristicDays(), d.suspensionDays())) {
            days.forEach(r -> s.append(r.respondentFaction()).append('|').append(r.complainantFaction()).append('|')
                    .append(r.engagedSet()).append('|').append(r.days()).append('=').append(r.cases())
                    .append(Arrays.toString(r.sanctions())).append('\n'));
        }
        return s.toString();
    }
}
