package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The investigator never decides; the appeal panel shares nobody with the first panel or the investigation. */
@Tag("fast")
class PanelExclusionsTest {

    @ParameterizedTest(name = "investigator {0}, first panel {1} -> panel excludes {2}, appeal excludes {3}")
    @CsvSource(delimiter = ';', value = {
            "ivy; pat,pam,pete; ivy; ivy,pat,pam,pete",
            "; pat,pam,pete; ; pat,pam,pete",
            "ivy; ; ivy; ivy",
            "pat; pat,pam,pete; pat; pat,pam,pete",
    })
    void exclusions(String investigator, String firstPanel, String panel, String appeal) {
        List<String> first = firstPanel == null ? List.of() : Arrays.asList(firstPanel.split(","));
        assertEquals(set(panel), Eligibility.excludedFromPanel(investigator));
        assertEquals(set(appeal), Eligibility.excludedFromAppeal(investigator, first));
    }

    @Test
    void drawnPanelsAreDisjointWhateverTheDraw() {
        Eligibility.Parties parties = Eligibility.Parties.of("alice", "North", "bob", "South", List.of());
        List<Eligibility.Candidate> handlers = IntStream.range(0, 12)
                .mapToObj(i -> new Eligibility.Candidate("panel" + i, i % 3 == 0 ? "North" : "East")).toList();
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            String investigator = "panel" + (1 + random.nextInt(11));
            List<String> first = Eligibility.draw(Eligibility.eligible(parties, handlers,
                    Eligibility.excludedFromPanel(investigator)), 3, random).orElseThrow();
            List<String> appeal = Eligibility.draw(Eligibility.eligible(parties, handlers,
                    Eligibility.excludedFromAppeal(investigator, first)), 3, random).orElseThrow();
            assertFalse(first.contains(investigator), "the investigator does not decide");
            assertFalse(appeal.contains(investigator));
            assertTrue(Collections.disjoint(first, appeal), first + " and " + appeal);
            assertTrue(java.util.stream.Stream.concat(first.stream(), appeal.stream()).noneMatch(m -> List.of("panel0", "panel3", "panel6", "panel9").contains(m)),
                    "nobody from a party's CLP");
        }
    }

    static Set<String> set(String csv) {
        return csv == null ? Set.of() : new HashSet<>(Arrays.asList(csv.split(",")));
    }
}
