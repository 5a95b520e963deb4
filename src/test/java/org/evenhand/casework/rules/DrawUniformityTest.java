package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The draw is uniform over the eligible pool: a chi-squared goodness-of-fit test of 20,000 draws
 * from a pool of ten (each handler expected 2,000 times) against the uniform distribution, and of
 * who lands on each seat of a panel of three. Seeded, so the test is repeatable; p must exceed 0.001.
 */
@Tag("fast")
class DrawUniformityTest {

    static final int DRAWS = 20_000;
    static final List<String> POOL = IntStream.range(0, 10).mapToObj(i -> "h" + i).toList();

    static double pValue(long[] observed, double expected) {
        double chi2 = 0;
        for (long o : observed) {
            chi2 += (o - expected) * (o - expected) / expected;
        }
        return ChiSquaredDistribution.of(observed.length - 1).survivalProbability(chi2);
    }

    @Test
    void oneDrawnIsUniformOverThePool() {
        Random random = new Random(20261204L);
        long[] seen = new long[POOL.size()];
        for (int i = 0; i < DRAWS; i++) {
            seen[POOL.indexOf(Eligibility.draw(POOL, 1, random).orElseThrow().get(0))]++;
        }
        double p = pValue(seen, DRAWS / (double) POOL.size());
        assertTrue(p > 0.001, "chi-squared p = " + p + " for " + java.util.Arrays.toString(seen));
    }

    @Test
    void everySeatOfAPanelIsUniformOverThePool() {
        Random random = new Random(7_301L);
        long[][] seats = new long[3][POOL.size()];
        for (int i = 0; i < DRAWS; i++) {
            List<String> panel = Eligibility.draw(POOL, 3, random).orElseThrow();
            assertEquals(3, panel.stream().distinct().count());
            for (int s = 0; s < 3; s++) {
                seats[s][POOL.indexOf(panel.get(s))]++;
            }
        }
        for (long[] seat : seats) {
            double p = pValue(seat, DRAWS / (double) POOL.size());
            assertTrue(p > 0.001, "chi-squared p = " + p + " for " + java.util.Arrays.toString(seat));
        }
    }

    @Test
    void theTestWouldCatchABiasedDraw() {
        // a draw that favours the first of the pool by one in twenty is refused by the same test
        Random random = new Random(1L);
        long[] seen = new long[POOL.size()];
        for (int i = 0; i < DRAWS; i++) {
            int pick = random.nextInt(20) == 0 ? 0 : POOL.indexOf(Eligibility.draw(POOL, 1, random).orElseThrow().get(0));
            seen[pick]++;
        }
        assertTrue(pValue(seen, DRAWS / (double) POOL.size()) < 0.001);
    }
}
