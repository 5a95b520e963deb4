package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evenhand.casework.rules.QueueRules.Sort;
import org.evenhand.casework.rules.QueueRules.SortKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The queue's rules (decision 0034): page bounds, sort keys and their order, what is overdue and a
 * pile-on, and that a search matches references, and names and numbers only where they may be shown.
 */
@Tag("fast")
class QueueRulesTest {

    static final Instant NOW = Instant.parse("2026-09-12T08:00:00Z");

    @ParameterizedTest(name = "due {0}: overdue {1}")
    @CsvSource({ "2026-09-12T07:59:59Z, true", "2026-09-12T08:00:00Z, true", "2026-09-12T08:00:01Z, false",
            "2026-01-01T00:00:00Z, true", "2027-01-01T00:00:00Z, false" })
    void overdueFromTheMomentItFallsDue(Instant due, boolean overdue) {
        assertEquals(overdue, QueueRules.overdue(due, NOW));
    }

    @Test
    void aTaskWithNoTargetIsNeverOverdue() {
        assertFalse(QueueRules.overdue(null, NOW));
    }

    @ParameterizedTest(name = "{0} complainants: pile-on {1}")
    @CsvSource({ "1, false", "2, true", "40, true", "0, false" })
    void aPileOnIsMoreThanOneComplainant(int complainants, boolean pileOn) {
        assertEquals(pileOn, QueueRules.pileOn(complainants));
        assertFalse(QueueRules.pileOn(null), "unknown (a panel's row) is never a pile-on");
    }

    @ParameterizedTest(name = "size {0} → {1}")
    @CsvSource({ ", 25", "0, 1", "1, 1", "25, 25", "100, 100", "101, 100", "5000, 100" })
    void pageSizeIsBounded(Integer size, int bounded) {
        assertEquals(bounded, QueueRules.size(size));
    }

    @ParameterizedTest(name = "page {0} → {1}")
    @CsvSource({ ", 1", "0, 1", "-3, 1", "7, 7", "10000, 10000", "10001, 10000" })
    void pageNumberIsBounded(Integer page, int bounded) {
        assertEquals(bounded, QueueRules.page(page));
    }

    @ParameterizedTest(name = "{0} tasks at {1} a page: {2} pages")
    @CsvSource({ "0, 25, 1", "1, 25, 1", "25, 25, 1", "26, 25, 2", "500, 25, 20", "501, 100, 6" })
    void pagesCoverTheTotal(long total, int size, int pages) {
        assertEquals(pages, QueueRules.pages(total, size));
    }

    @Test
    void offsetsFollowPages() {
        assertEquals(0, QueueRules.offset(1, 25));
        assertEquals(475, QueueRules.offset(20, 25));
    }

    @ParameterizedTest(name = "sort \"{0}\"")
    @CsvSource({ "due, DUE, false", "-due, DUE, true", "ref, REF, false", "-received, RECEIVED, true",
            "task, TASK, false", "stage, STAGE, false", "-tier, TIER, true", "pileOn, PILE_ON, false" })
    void sortKeys(String s, SortKey key, boolean descending) {
        assertEquals(Optional.of(new Sort(key, descending)), Sort.parse(s));
        assertEquals(s, Sort.parse(s).orElseThrow().id());
    }

    @ParameterizedTest(name = "sort \"{0}\" refused")
    @CsvSource({ "allegation", "--due", "Due", "due;drop table", "name", "-" })
    void unknownSortKeysAreRefused(String s) {
        assertTrue(Sort.parse(s).isEmpty());
    }

    @Test
    void noSortIsSoonestDueFirst() {
        assertEquals(Optional.of(Sort.DEFAULT), Sort.parse(null));
        assertEquals(Optional.of(new Sort(SortKey.DUE, false)), Sort.parse(" "));
    }

    @Test
    void aColumnHeaderTurnsItsSortAround() {
        assertEquals("-due", Sort.toggle(Sort.DEFAULT, SortKey.DUE));
        assertEquals("due", Sort.toggle(new Sort(SortKey.DUE, true), SortKey.DUE));
        assertEquals("tier", Sort.toggle(new Sort(SortKey.DUE, true), SortKey.TIER));
    }

    @Test
    void searchMatchesReferencesAndNamesOnlyWhereShown() {
        List<String> parties = List.of("Erin Elliott", "M100005", "Carol Chowdhury", "M100003");
        assertTrue(QueueRules.matches(null, "EH-2026-000123", true, parties), "no search matches everything");
        assertTrue(QueueRules.matches(QueueRules.normalise(" eh-2026-0001 "), "EH-2026-000123", false, parties));
        assertTrue(QueueRules.matches(QueueRules.normalise("erin  ELLIOTT"), "EH-2026-000123", true, parties));
        assertTrue(QueueRules.matches(QueueRules.normalise("m100003"), "EH-2026-000123", true, parties));
        assertFalse(QueueRules.matches(QueueRules.normalise("Erin"), "EH-2026-000123", false, parties),
                "a blind row is found by its reference only");
        assertFalse(QueueRules.matches(QueueRules.normalise("liar"), "EH-2026-000123", true, parties));
        assertEquals(null, QueueRules.normalise("   "));
    }

    record Row(String id, String caseRef, Instant due, Instant received, String taskTitle, String stageLabel, int tier,
            Integer pileOn) implements QueueRules.Sortable {
    }

    static final Row A = new Row("1", "EH-3", NOW.plusSeconds(60), NOW.minusSeconds(900), "Triage", "Triage", 2, 1);
    static final Row B = new Row("2", "EH-1", NOW.plusSeconds(30), NOW.minusSeconds(100), "Investigate", "Investigation", 4, 3);
    static final Row C = new Row("3", "EH-2", null, NOW.minusSeconds(500), "Triage", "Triage", 3, null);
    static final Row D = new Row("4", "EH-4", NOW.plusSeconds(30), NOW.minusSeconds(50), "Triage", "Triage", 4, 1);

    @ParameterizedTest(name = "sort {0}: {1}")
    @CsvSource({ "due, 2 4 1 3", "-due, 3 1 2 4", "ref, 2 3 1 4", "-ref, 4 1 3 2", "received, 1 3 2 4",
            "-tier, 2 4 3 1", "tier, 1 3 2 4", "pileOn, 3 4 1 2", "-pileOn, 2 4 1 3", "task, 2 4 1 3", "stage, 2 4 1 3" })
    void orders(String sort, String ids) {
        List<Row> rows = new ArrayList<>(List.of(A, B, C, D));
        rows.sort(QueueRules.order(Sort.parse(sort).orElseThrow()));
        assertEquals(ids, String.join(" ", rows.stream().map(Row::id).toList()));
    }
}
