package org.evenhand.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.evenhand.common.Problem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a new version of the faction list must be (decision 0043), without Quarkus. */
@Tag("fast")
class FactionListRulesTest {

    static final Set<String> IN_FORCE = Set.of("left", "centre");

    static FactionListRules.Faction f(String key, String label, Boolean retired) {
        return new FactionListRules.Faction(key, label, retired);
    }

    static List<Problem.FieldError> check(String notice, FactionListRules.Faction... factions) {
        return FactionListRules.check(IN_FORCE, new FactionListRules.NewList(notice, List.of(factions)));
    }

    @Test
    void addingRelabellingAndRetiringIsAllowed() {
        assertEquals(List.of(), check("2027-1", f("left", "The left", true), f("centre", "Centre", null),
                f("greens", "Green wing", false)));
    }

    @Test
    void aFactionInForceIsNeverDeleted() {
        assertEquals(List.of(new Problem.FieldError("factions", "The faction centre is missing: a faction is never"
                + " deleted (members may have declared it); retire it instead")), check("2027-1", f("left", "Left", null)));
    }

    @Test
    void keysLabelsAndTheNoticeAreChecked() {
        List<Problem.FieldError> e = check("2027 one", f("left", "Left", null), f("centre", "left", null),
                f("Green Wing", "", null), f("prefer-not-to-say", "None", null), f("left", "x".repeat(61), null));
        assertEquals(List.of("noticeVersion", "factions[1].label", "factions[2].key", "factions[2].label",
                "factions[3].key", "factions[4].key", "factions[4].label"), e.stream().map(Problem.FieldError::field)
                .toList(), e.toString());
    }

    @Test
    void theLongestAllowedAreAcceptedAndOneMoreIsNot() {
        List<FactionListRules.Faction> many = new ArrayList<>(List.of(f("left", "Left", null), f("centre", "Centre", null)));
        for (int i = many.size(); i < FactionListRules.MAX_FACTIONS; i++) {
            many.add(f("k" + i + "-" + "a".repeat(FactionListRules.KEY_MAX - 2 - String.valueOf(i).length()),
                    i + "l".repeat(FactionListRules.LABEL_MAX - String.valueOf(i).length()), null));
        }
        assertEquals(List.of(), FactionListRules.check(IN_FORCE, new FactionListRules.NewList("n".repeat(20), many)));
        many.add(f("one-more", "One more", null));
        assertEquals(List.of(new Problem.FieldError("factions", "List at most 30 factions")),
                FactionListRules.check(IN_FORCE, new FactionListRules.NewList("2027-1", many)));
    }

    @Test
    void atLeastOneFactionIsOffered() {
        assertEquals(List.of(new Problem.FieldError("factions", "Offer at least one faction (not every one retired)")),
                check("2027-1", f("left", "Left", true), f("centre", "Centre", true)));
    }
}
