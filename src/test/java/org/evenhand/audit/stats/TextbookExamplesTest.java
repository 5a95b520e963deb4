package org.evenhand.audit.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.junit.jupiter.api.Test;

/**
 * The audit's statistics against published textbook results, to 4 significant figures. Each
 * expected value was also recomputed independently (exact fractions, closed forms, or Python
 * 3 with SciPy 1.17 using the formulae written out separately); the source is given per test.
 */
@org.junit.jupiter.api.Tag("fast")
class TextbookExamplesTest {

    /** The application's real defaults (AuditConfig; MetricFiguresTest checks they are the ones in force). */
    static final Rules RULES = Rules.DEFAULT;
    static final double Z = RULES.z();

    /** a and b agree to 4 significant figures. */
    static void assertSig4(double expected, double actual) {
        MathContext four = new MathContext(4);
        assertEquals(new BigDecimal(expected).round(four), new BigDecimal(actual).round(four),
                () -> "expected " + expected + " got " + actual);
    }

    /**
     * Fisher's tea-tasting experiment: Agresti, Categorical Data Analysis (2nd ed., 2002), sec.
     * 3.5.2, Table 3.8 -- the lady guessed 3 of the 4 milk-first cups. Published: one-sided P =
     * 0.243, two-sided P = 0.486. Exact: P(n11=3) + P(n11=4) = 16/70 + 1/70 = 17/70 = 0.24286;
     * two-sided (tables no more likely than the one observed) = 34/70 = 0.48571.
     */
    @Test
    void fisherTeaTasting() {
        TwoByTwo.Significance two = TwoByTwo.test(3, 1, 1, 3);
        assertEquals("fisher-exact", two.name(), "every expected count is 2, so the exact test is used");
        assertSig4(34.0 / 70, two.p());
        assertSig4(0.4857, two.p());
        double oneSided = FisherExactTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN)
                .test(new int[][] { { 3, 1 }, { 1, 3 } }).getPValue();
        assertSig4(17.0 / 70, oneSided);
        assertSig4(0.2429, oneSided);
    }

    /**
     * Party identification by gender, General Social Survey: Agresti, An Introduction to
     * Categorical Data Analysis (2nd ed., 2007), p. 39, Table 2.5; also the example in R's
     * chisq.test documentation. Published: X^2 = 30.07, df = 2, P = 2.954e-07. Independently:
     * X^2 = 30.070149 with exact fractions, and for df = 2 the tail is exactly exp(-X^2/2).
     */
    @Test
    void chiSquaredPartyIdentification() {
        long[][] table = { { 762, 327, 468 }, { 484, 239, 477 } };
        Independence r = Independence.test(table, RULES);
        assertSig4(30.07, r.statistic());
        assertEquals(2, r.degreesOfFreedom());
        assertSig4(2.954e-07, r.pValue());
        assertSig4(Math.exp(-r.statistic() / 2), r.pValue());
        assertEquals(Verdict.FLAGGED, r.verdict());
    }

    /**
     * Smoking and lung cancer in eight Chinese cities (Liu 1992), as tabulated in Agresti,
     * Categorical Data Analysis, and shipped as statsmodels' china_smoking data set. Published
     * SAS PROC FREQ output (Stanford ED257 handout "chinasmokehndt"): CMH = 280.138 (1 df);
     * Mantel-Haenszel common odds ratio 2.174; Mantel-Haenszel risk ratio (cohort, column 1)
     * 1.519; Breslow-Day = 5.200, 7 df, P = 0.636. The interval for the odds ratio,
     * Robins-Breslow-Greenland, is 1.984-2.383 (statsmodels' StratifiedTable.summary); the
     * Greenland-Robins interval for the risk ratio, 1.442-1.601, and every figure above were
     * recomputed in Python (SciPy for the chi-squared tails) -- SAS prints test-based intervals,
     * which differ.
     */
    @Test
    void cochranMantelHaenszelChineseSmoking() {
        // {smokers with cancer, smokers, non-smokers with cancer, non-smokers} per city
        long[][] cities = { { 126, 226, 35, 96 }, { 908, 1596, 497, 1304 }, { 913, 1660, 336, 934 },
                { 235, 407, 58, 179 }, { 402, 710, 121, 336 }, { 182, 338, 72, 170 }, { 60, 159, 11, 54 },
                { 104, 193, 21, 57 } };
        MantelHaenszel.Result r = MantelHaenszel.analyse(List.of(cities), Z);
        assertEquals(8, r.strata());
        assertSig4(280.1, r.cmh());
        assertTrue(r.cmhP() < 1e-60);
        assertSig4(2.174, r.oddsRatio());
        assertSig4(1.984, r.orLower());
        assertSig4(2.383, r.orUpper());
        assertSig4(1.519, r.riskRatio());
        assertSig4(1.442, r.rrLower());
        assertSig4(1.601, r.rrUpper());
        assertSig4(5.200, r.breslowDay());
        assertEquals(7, r.breslowDayDf());
        assertSig4(0.6356, r.breslowDayP());
    }

    /**
     * A check by another method: with a single stratum the CMH statistic is (n-1)/n times
     * Pearson's X^2 (Agresti 2002, sec. 7.5.3 footnote; Mantel and Haenszel 1959), and the MH odds
     * ratio is the sample odds ratio ad/bc. Pearson's X^2 here is Commons Statistics'.
     */
    @Test
    void cmhWithOneStratumIsScaledPearson() {
        long a = 104;
        long b = 11037 - 104;
        long c = 189;
        long d = 11034 - 189;
        double n = a + b + c + d;
        double pearson = ChiSquareTest.withDefaults().statistic(new long[][] { { a, b }, { c, d } });
        MantelHaenszel.Result r = MantelHaenszel.analyse(List.<long[]>of(new long[] { a, a + b, c, c + d }), Z);
        assertEquals(pearson * (n - 1) / n, r.cmh(), 1e-9 * pearson);
        assertEquals((double) a * d / (b * c), r.oddsRatio(), 1e-12);
        assertEquals((a / (double) (a + b)) / (c / (double) (c + d)), r.riskRatio(), 1e-12);
    }

    /**
     * Aspirin and myocardial infarction, Physicians' Health Study: Agresti, Categorical Data
     * Analysis (2nd ed.), sec. 2.2, Table 2.3 (104 of 11,037 on aspirin, 189 of 11,034 on
     * placebo): relative risk 0.55. Katz log interval 0.4337-0.6978 and Pearson X^2 = 25.01
     * recomputed in Python/SciPy.
     */
    @Test
    void riskRatioAspirin() {
        Comparison r = TwoByTwo.compare(104, 11037, 189, 11034, RULES);
        assertSig4(0.5501, r.ratio());
        assertSig4(0.4337, r.ciLower());
        assertSig4(0.6978, r.ciUpper());
        assertEquals("chi-squared", r.test());
        assertSig4(5.692e-07, r.pValue());
        assertEquals(Verdict.FLAGGED, r.verdict(), "0.55 is outside 0.8-1.25 and the interval excludes 1");
    }

    @Test
    void exactBinomialRateTest() {
        // 30 of 50 complaints against a group holding 40% of members: SciPy binomtest p = 0.005558
        Comparison r = RateRatio.compare(30, 400, 20, 600, RULES);
        assertSig4(0.005558, r.pValue());
        assertSig4(2.25, r.ratio());
    }

    /**
     * At the real defaults, too few cases on a side is insufficient evidence, never a call either
     * way: the tea-tasting table (4 a side), and 29 against 30 however large the difference; at 30
     * a side the same difference is called.
     */
    @Test
    void tooFewCasesAtTheRealMinimumGroupSize() {
        assertEquals(30, RULES.minimumGroupSize());
        Comparison tea = TwoByTwo.compare(3, 4, 1, 4, RULES);
        assertEquals(Verdict.INSUFFICIENT_EVIDENCE, tea.verdict());
        assertEquals("fewer than 30 cases on one side (4 in the group, 4 in the rest)", tea.reason());
        Comparison short29 = TwoByTwo.compare(25, 29, 5, 300, RULES);
        assertEquals(Verdict.INSUFFICIENT_EVIDENCE, short29.verdict());
        assertEquals("fewer than 30 cases on one side (29 in the group, 300 in the rest)", short29.reason());
        Comparison full30 = TwoByTwo.compare(25, 30, 5, 300, RULES);
        assertEquals(Verdict.FLAGGED, full30.verdict(), full30.toString());
        Comparison perMember = RateRatio.compare(3, 29, 10, 1000, RULES);
        assertEquals(Verdict.INSUFFICIENT_EVIDENCE, perMember.verdict(), perMember.reason());
    }

    /** Quantiles as PostgreSQL's percentile_cont and R's type 7: 1..10 gives 5.5 and 9.1. */
    @Test
    void histogramQuantiles() {
        Histogram h = new Histogram();
        for (int i = 1; i <= 10; i++) {
            h.add(i, 1);
        }
        assertEquals(5.5, h.quantile(0.5), 1e-12);
        assertEquals(9.1, h.quantile(0.9), 1e-12);
        Histogram tied = new Histogram();
        tied.add(3, 4);
        tied.add(7, 1);
        assertEquals(3.0, tied.quantile(0.5), 1e-12);
        assertEquals(5.4, tied.quantile(0.9), 1e-12);
    }

    /** Benjamini-Hochberg, as R's p.adjust(p, "BH") and SciPy's false_discovery_control. */
    @Test
    void benjaminiHochberg() {
        assertArrayEquals(new double[] { 0.02, 0.04, 0.04, 0.02 },
                FalseDiscovery.adjust(new double[] { 0.01, 0.04, 0.03, 0.005 }), 1e-12);
        assertArrayEquals(new double[] { 0.3, 0.006, 0.6, 0.08, 0.08, 0.9 },
                FalseDiscovery.adjust(new double[] { 0.2, 0.001, 0.5, 0.04, 0.03, 0.9 }), 1e-12);
    }
}
