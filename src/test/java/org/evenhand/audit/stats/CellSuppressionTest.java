package org.evenhand.audit.stats;

import static org.evenhand.audit.stats.CellSuppression.State.PRIMARY;
import static org.evenhand.audit.stats.CellSuppression.State.PUBLISHED;
import static org.evenhand.audit.stats.CellSuppression.State.SECONDARY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Tag("fast")
class CellSuppressionTest {

    /** One small cell in a column: the total would give it away, so the next smallest goes too. */
    @Test
    void aSingleSmallCellTakesAnotherWithIt() {
        CellSuppression c = new CellSuppression().cell("a", 4).cell("b", 40).cell("c", 25).cell("total", 69);
        c.equation("total", List.of("a", "b", "c"));
        c.apply(10);
        assertEquals(PRIMARY, c.state("a"));
        assertEquals(SECONDARY, c.state("c"), "the smallest other part");
        assertEquals(PUBLISHED, c.state("b"));
        assertEquals(PUBLISHED, c.state("total"), "totals are spared where a part will do");
    }

    /** Two small cells that add up to under the threshold still reveal too much: a third goes. */
    @Test
    void suppressedPartsMustNotAddUpToASmallKnownRemainder() {
        CellSuppression c = new CellSuppression().cell("a", 0).cell("b", 3).cell("c", 50).cell("d", 60)
                .cell("total", 113);
        c.equation("total", List.of("a", "b", "c", "d"));
        c.apply(10);
        assertEquals(PRIMARY, c.state("a"));
        assertEquals(PRIMARY, c.state("b"));
        assertEquals(SECONDARY, c.state("c"));
        assertEquals(PUBLISHED, c.state("d"));
    }

    /** Secondary suppression in one table spreads to another that shares the cell. */
    @Test
    void suppressionFollowsACellIntoEveryTable() {
        CellSuppression c = new CellSuppression();
        // rows: two groups; columns: events, non-events; plus the row totals
        c.cell("g1.e", 5).cell("g1.n", 95).cell("g1", 100);
        c.cell("g2.e", 30).cell("g2.n", 70).cell("g2", 100);
        c.cell("all.e", 35).cell("all.n", 165).cell("all", 200);
        c.equation("g1", List.of("g1.e", "g1.n")).equation("g2", List.of("g2.e", "g2.n"))
                .equation("all", List.of("all.e", "all.n")).equation("all.e", List.of("g1.e", "g2.e"))
                .equation("all.n", List.of("g1.n", "g2.n")).equation("all", List.of("g1", "g2"));
        c.apply(10);
        assertEquals(PRIMARY, c.state("g1.e"));
        // g1's row and the events column each need a second hidden cell, and so on round the table
        assertEquals(SECONDARY, c.state("g2.e"));
        for (String[] eq : new String[][] { { "g1", "g1.e", "g1.n" }, { "g2", "g2.e", "g2.n" },
                { "all.e", "g1.e", "g2.e" }, { "all.n", "g1.n", "g2.n" } }) {
            long hidden = java.util.Arrays.stream(eq).filter(c::suppressed).count();
            assertEquals(true, hidden == 0 || hidden >= 2, "no line has a single hidden cell: " + String.join(",", eq));
        }
    }

    @Test
    void aStructuralZeroIsPublishedAndNeverUsedAsCover() {
        CellSuppression c = new CellSuppression().cell("a", 0).cell("b", 0).cell("total", 0);
        c.structuralZero("a").structuralZero("b").structuralZero("total").equation("total", List.of("a", "b"));
        c.apply(10);
        assertEquals(PUBLISHED, c.state("a"));
        assertEquals(PUBLISHED, c.state("total"));
    }
}
