package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A draw takes distinct members of the pool at random, or fails when the pool is too small. */
@Tag("fast")
class DrawTest {

    @ParameterizedTest(name = "{1} from {0} -> drawn {2}")
    @CsvSource(delimiter = ';', value = {
            "a,b,c,d,e; 3; true", "a,b,c; 3; true", "a,b; 3; false", "a; 1; true", "a,b,c; 0; true" })
    void drawsDistinctMembersOrNone(String pool, int count, boolean drawn) {
        List<String> members = Arrays.asList(pool.split(","));
        var out = Eligibility.draw(members, count, new Random(7));
        assertEquals(drawn, out.isPresent());
        out.ifPresent(d -> {
            assertEquals(count, d.size());
            assertEquals(count, new HashSet<>(d).size(), "no one twice");
            assertTrue(members.containsAll(d));
        });
    }

    @Test
    void everyoneEligibleIsEquallyLikely() {
        Random random = new Random(42);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            Eligibility.draw(List.of("a", "b", "c"), 1, random).orElseThrow().forEach(m -> seen.merge(m, 1, Integer::sum));
        }
        assertEquals(3, seen.size());
        seen.values().forEach(n -> assertTrue(n > 850 && n < 1150, "drawn " + seen));
    }
}
