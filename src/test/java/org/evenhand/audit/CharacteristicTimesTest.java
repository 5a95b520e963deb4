package org.evenhand.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.evenhand.audit.FairnessReport.ClauseTime;
import org.evenhand.audit.FairnessReport.Count;
import org.evenhand.audit.stats.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Handling time by protected characteristic (no database): a characteristic handled more slowly
 * than the others is flagged, one handled faster too (a hierarchy shows both ways), and a small
 * group's count is suppressed with its figures withheld.
 */
class CharacteristicTimesTest {

    @Test
    void aHierarchyOfCharacteristicsShows() {
        SyntheticPeriod p = new SyntheticPeriod().characteristic("race", 300, 30)
                .characteristic("religion-belief", 150, 60).characteristic("disability", 5, 30);
        List<ClauseTime> rows = p.report().handlingTime().byCharacteristic();
        assertEquals(List.of("disability", "race", "religion-belief"), rows.stream().map(ClauseTime::clause).toList(),
                "no total: recording a characteristic is optional, so a small count needs no secondary suppression");
        ClauseTime disability = rows.get(0);
        assertEquals(new Count(null, "primary"), disability.decided());
        assertNull(disability.median());
        assertEquals(Verdict.INSUFFICIENT_EVIDENCE, disability.verdict());
        assertEquals("too few cases to publish", disability.reason());

        ClauseTime race = rows.get(1);
        assertEquals(Count.of(300), race.decided());
        assertEquals("Race", race.title());
        assertEquals(30.0, race.median());
        assertEquals(Verdict.FLAGGED, race.verdict(), race.reason());
        assertTrue(race.reason().startsWith("faster: median 0.5"), race.reason());

        ClauseTime religion = rows.get(2);
        assertEquals(Count.of(150), religion.decided());
        assertEquals("Religion or belief", religion.title());
        assertEquals(60.0, religion.median());
        assertEquals(Verdict.FLAGGED, religion.verdict(), religion.reason());
        assertTrue(religion.reason().startsWith("slower: median 2.00 times the rest's"), religion.reason());
    }

    @Test
    void noCharacteristicRecordedNoRows() {
        assertEquals(List.of(), new SyntheticPeriod().report().handlingTime().byCharacteristic());
    }
}
