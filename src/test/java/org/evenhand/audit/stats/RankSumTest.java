package org.evenhand.audit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.junit.jupiter.api.Test;

/** The rank-sum test from histograms agrees with Commons Statistics' MannWhitneyUTest on the raw values. */
@org.junit.jupiter.api.Tag("fast")
class RankSumTest {

    static Histogram hist(double[] values) {
        Histogram h = new Histogram();
        Arrays.stream(values).forEach(v -> h.add((int) v, 1));
        return h;
    }

    static final MannWhitneyUTest LIBRARY = MannWhitneyUTest.withDefaults().with(PValueMethod.ASYMPTOTIC)
            .with(ContinuityCorrection.ENABLED);

    @Test
    void smallSampleWithTies() {
        double[] x = { 1, 2, 2, 3, 5, 5, 5, 8, 9, 12 };
        double[] y = { 2, 3, 3, 4, 6, 7, 7, 7, 10, 11, 15, 15 };
        RankSum r = RankSum.test(hist(x), hist(y));
        // SciPy 1.17: mannwhitneyu(x, y, method='asymptotic', use_continuity=True) -> U = 41, p = 0.22029
        assertEquals(41.0, r.u(), 1e-12);
        assertEquals(0.2202923489501072, r.pValue(), 1e-9);
        MannWhitneyUTest.Result lib = LIBRARY.test(x, y);
        assertEquals(lib.getStatistic(), r.u(), 1e-9);
        assertEquals(lib.getPValue(), r.pValue(), 1e-9);
    }

    @Test
    void largeSamplesOfDays() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] x = new double[4000];
        double[] y = new double[6000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 20 + (int) (-Math.log(1 - rnd.nextDouble()) * 30);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = 20 + (int) (-Math.log(1 - rnd.nextDouble()) * 33);
        }
        RankSum r = RankSum.test(hist(x), hist(y));
        MannWhitneyUTest.Result lib = LIBRARY.test(x, y);
        assertEquals(lib.getStatistic(), r.u(), 1e-6);
        assertEquals(lib.getPValue(), r.pValue(), 1e-9 + 1e-7 * lib.getPValue());
    }
}
