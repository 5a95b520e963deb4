package org.evenhand.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.evenhand.audit.FairnessReport.Confidence;
import org.evenhand.audit.FairnessReport.ConfidenceGroup;
import org.evenhand.audit.FairnessReport.ConfidenceQuestion;
import org.evenhand.audit.FairnessReport.Count;
import org.evenhand.audit.stats.Rules;
import org.evenhand.audit.stats.Verdict;
import org.evenhand.casework.CaseFile;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The confidence survey's rules without booting anything: how a case's outcome becomes the coarse
 * band an answer carries, what an answer must hold, which quarters a report counts, and the
 * section's arithmetic, comparisons and suppression over answers made up here.
 */
@Tag("fast")
class ConfidenceRulesTest {

    static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "UPHELD, upheld", "NOT_UPHELD, not-upheld", "DISMISSED_AT_TRIAGE, dismissed-at-triage" })
    void anOutcomeBecomesItsBand(CaseFile.Outcome outcome, String band) {
        assertEquals(band, OutcomeBand.of(outcome).orElseThrow().code());
        assertEquals(OutcomeBand.of(outcome).orElseThrow(), OutcomeBand.ofCode(band));
    }

    @Test
    void everyDecidedOutcomeHasABandAndAWithdrawnComplaintNone() {
        List<CaseFile.Outcome> decided = Arrays.stream(CaseFile.Outcome.values())
                .filter(o -> o != CaseFile.Outcome.WITHDRAWN).toList();
        for (CaseFile.Outcome o : decided) {
            assertTrue(OutcomeBand.of(o).isPresent(), o + " has a band");
        }
        assertEquals(Optional.empty(), OutcomeBand.of(null));
        assertEquals(Optional.empty(), OutcomeBand.of(CaseFile.Outcome.WITHDRAWN), "nothing was decided to ask about");
        assertEquals(3, decided.stream().map(o -> OutcomeBand.of(o).orElseThrow()).distinct().count(),
                "no two outcomes share a band");
    }

    /** fields: those the answer is refused on, with the words of each message that a person needs. */
    @ParameterizedTest(name = "{0},{1},{2},{3} -> [{4}]")
    @CsvSource(delimiter = ';', nullValues = "null", value = {
            "1; 5; 3; 4; ''",
            "5; 5; 5; 5; ''",
            "0; 3; 3; 3; heard",
            "3; 6; 3; 3; neutral",
            "3; 3; null; 3; respect",
            "3; 3; 3; -1; trust",
            "null; 9; 0; null; heard,neutral,respect,trust",
    })
    void eachScoreIsOneToFiveAndAllFourAreNeeded(Integer heard, Integer neutral, Integer respect, Integer trust,
            String fields) {
        List<ConstraintViolation<SurveyAnswer>> v = new ArrayList<>(VALIDATOR.validate(
                new SurveyAnswer(heard, neutral, respect, trust, null)));
        assertEquals(fields, v.stream().map(x -> x.getPropertyPath().toString())
                .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(",")));
        for (ConstraintViolation<SurveyAnswer> x : v) {
            assertTrue(x.getMessage().contains("1") && x.getMessage().contains("5"), x.getMessage());
            assertTrue(!x.getMessage().contains("must"), "written for people: " + x.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} is in the quarter from {1}")
    @CsvSource({ "2026-01-01, 2026-01-01", "2026-03-31, 2026-01-01", "2026-04-01, 2026-04-01",
            "2026-08-15, 2026-07-01", "2026-12-31, 2026-10-01" })
    void anAnswerCarriesOnlyTheStartOfItsQuarter(LocalDate day, LocalDate quarter) {
        assertEquals(quarter, ConfidenceSurvey.quarterStart(day));
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource(delimiter = ';', value = {
            "2026-01-01; 2026-03-31; 2026-01-01",
            "2026-01-15; 2026-12-31; 2026-04-01 2026-07-01 2026-10-01",
            "2026-02-01; 2026-02-28; ''",
            "2025-10-01; 2026-06-29; 2025-10-01 2026-01-01",
    })
    void aReportCountsTheWholeQuartersInsideItsPeriod(LocalDate from, LocalDate to, String quarters) {
        assertEquals(quarters, ConfidenceQueries.quarters(new Period(from, to)).stream().map(LocalDate::toString)
                .collect(Collectors.joining(" ")));
    }

    // ---------------------------------------------------------------- the report's section

    static ConfidenceQueries.Row row(String role, String band, String faction, long answers, long[] agree, long[] sum) {
        return new ConfidenceQueries.Row(role, band, faction, answers, agree, sum);
    }

    static long[] l(long... v) {
        return v;
    }

    /**
     * Respondents of "centre" are mostly upheld, and upheld respondents agree less, whatever their
     * faction; complainants of "centre" find the handling neutral far less often than the rest.
     */
    static final List<ConfidenceQueries.Row> ROWS = List.of(
            row("respondent", "upheld", "centre", 40, l(8, 10, 20, 4), l(80, 90, 120, 70)),
            row("respondent", "not-upheld", "centre", 10, l(8, 8, 8, 8), l(40, 40, 40, 40)),
            row("respondent", "upheld", "", 12, l(2, 3, 6, 1), l(24, 28, 36, 20)),
            row("respondent", "not-upheld", "", 40, l(32, 30, 32, 30), l(160, 150, 160, 150)),
            row("complainant", "not-upheld", "centre", 60, l(30, 12, 30, 30), l(180, 120, 180, 180)),
            row("complainant", "not-upheld", "", 70, l(35, 52, 35, 35), l(210, 260, 210, 210)));

    static Confidence section(List<ConfidenceQueries.Row> rows, List<String> findings) {
        ConfidenceSection s = new ConfidenceSection(new ConfidenceQueries.Data(List.of(LocalDate.of(2026, 1, 1)), rows),
                List.of("left", "centre", "right"), Rules.DEFAULT, 10);
        Confidence c = s.build();
        findings.addAll(s.findings());
        return c;
    }

    static ConfidenceGroup group(Confidence c, String role, String question, String group) {
        ConfidenceQuestion q = c.roles().stream().filter(r -> r.role().equals(role)).findFirst().orElseThrow()
                .questions().stream().filter(x -> x.id().equals(question)).findFirst().orElseThrow();
        return q.groups().stream().filter(g -> g.group().equals(group)).findFirst().orElseThrow();
    }

    @Test
    void answersAgreementAndMeanAreAddedUpAcrossOutcomeBands() {
        Confidence c = section(ROWS, new ArrayList<>());
        assertEquals(List.of("2026-Q1"), c.quarters());
        ConfidenceGroup centre = group(c, "respondent", "heard", "centre");
        assertEquals(Count.of(50), centre.answers());
        assertEquals(Count.of(16), centre.agree());
        assertEquals(0.32, centre.share(), 1e-12);
        assertEquals(2.4, centre.mean(), 1e-12);
        ConfidenceGroup none = group(c, "respondent", "heard", ConfidenceSection.NONE);
        assertEquals(Count.of(52), none.answers());
        assertEquals(Count.of(34), none.agree());
        assertEquals(184.0 / 52, none.mean(), 1e-12);
        assertNull(none.comparison(), "only factions are compared");
        ConfidenceGroup all = group(c, "respondent", "trust", FairnessReport.ALL);
        assertEquals(Count.of(102), all.answers());
        assertEquals(Count.of(43), all.agree());
        assertEquals(280.0 / 102, all.mean(), 1e-12);
        ConfidenceGroup left = group(c, "respondent", "heard", "left");
        assertEquals(Count.of(0), left.answers(), "no answers at all is an absence, shown as 0");
        assertEquals(Count.of(0), left.agree());
        assertNull(left.share());
        assertEquals(Verdict.INSUFFICIENT_EVIDENCE, left.withinBands().verdict());
    }

    @Test
    void aFactionMoreOftenUpheldIsNotFlaggedForWhatItsOutcomesExplain() {
        List<String> findings = new ArrayList<>();
        Confidence c = section(ROWS, findings);
        ConfidenceGroup centre = group(c, "respondent", "heard", "centre");
        assertEquals((16.0 / 50) / (34.0 / 52), centre.comparison().ratio(), 1e-9, "as it stands: half as often");
        assertEquals(Verdict.FLAGGED, centre.comparison().verdict(), "the raw comparison alone would flag it");
        assertNotEquals(Verdict.FLAGGED, centre.withinBands().verdict(), centre.withinBands().reason());
        assertEquals("outcome band", centre.withinBands().basis());
        assertNull(centre.withinBands().riskRatio(), "a count within a band is under 10: figures withheld");
        assertTrue(centre.withinBands().reason().contains("figures withheld"), centre.withinBands().reason());
        assertTrue(findings.stream().noneMatch(f -> f.contains("members complained about")), findings.toString());
    }

    @Test
    void aFactionThatFindsTheHandlingLessNeutralWithinTheSameOutcomesIsFlagged() {
        List<String> findings = new ArrayList<>();
        Confidence c = section(ROWS, findings);
        ConfidenceGroup centre = group(c, "complainant", "neutral", "centre");
        double expected = (12.0 / 60) / (52.0 / 70);
        assertEquals(Verdict.FLAGGED, centre.withinBands().verdict(), centre.withinBands().reason());
        assertEquals(expected, centre.withinBands().riskRatio(), 1e-9, "one band: the common ratio is the ratio");
        assertTrue(centre.withinBands().ciUpper() < 0.8, "the interval is below the band");
        assertNotNull(centre.withinBands().cmhPAdjusted(), "adjusted for the section's comparisons");
        assertTrue(centre.withinBands().cmhPAdjusted() >= centre.withinBands().cmhPValue());
        assertEquals(List.of("Confidence in the process, members who complained: Centre members agreed that the people"
                + " handling the case were neutral less often than the rest, comparing answers about cases that ended"
                + " alike (Mantel-Haenszel ratio 0.27, 95% interval " + Wording.ratio(centre.withinBands().ciLower())
                + "-" + Wording.ratio(centre.withinBands().ciUpper()) + ")."), findings);
        ConfidenceGroup heard = group(c, "complainant", "heard", "centre");
        assertNotEquals(Verdict.FLAGGED, heard.withinBands().verdict(), "the same share agreeing: 30 of 60, 35 of 70");
    }

    @Test
    void aFlagMustSurviveTheAdjustmentForTheSectionsComparisons() {
        // a difference that is significant alone (p about 0.02) but not among eight comparisons
        List<ConfidenceQueries.Row> rows = new ArrayList<>(ROWS.subList(0, 4));
        rows.add(row("complainant", "not-upheld", "centre", 60, l(30, 24, 30, 30), l(180, 160, 180, 180)));
        rows.add(row("complainant", "not-upheld", "", 70, l(35, 42, 35, 35), l(210, 240, 210, 210)));
        List<String> findings = new ArrayList<>();
        ConfidenceGroup centre = group(section(rows, findings), "complainant", "neutral", "centre");
        assertTrue(centre.withinBands().cmhPValue() < 0.05, "p " + centre.withinBands().cmhPValue());
        assertEquals(Verdict.INSUFFICIENT_EVIDENCE, centre.withinBands().verdict());
        assertTrue(centre.withinBands().reason().contains("Benjamini-Hochberg"), centre.withinBands().reason());
        assertTrue(findings.isEmpty(), findings.toString());
    }

    @Test
    void aPeriodWithoutAWholeQuarterCountsNoAnswers() {
        ConfidenceSection s = new ConfidenceSection(ConfidenceQueries.Data.NONE, List.of("left"), Rules.DEFAULT, 10);
        Confidence c = s.build();
        assertTrue(c.quarters().isEmpty());
        assertTrue(c.roles().isEmpty());
        assertTrue(c.description().endsWith("This period holds no whole quarter, so no answers are counted."));
    }

    /**
     * Complainants: "centre" 30, "right" 22, and 3 who gave no faction. The 3 are suppressed, so
     * "right" is too (or the total would give them away), down to its agreeing and not agreeing;
     * "centre" and the total stay published, and no suppressed count can be worked out.
     */
    @Test
    void smallGroupsAreSuppressedAndCannotBeWorkedOutFromTheRest() {
        List<ConfidenceQueries.Row> rows = List.of(
                row("complainant", "upheld", "centre", 30, l(15, 14, 15, 14), l(90, 88, 91, 89)),
                row("complainant", "not-upheld", "right", 22, l(11, 11, 11, 11), l(66, 66, 66, 66)),
                row("complainant", "upheld", "", 3, l(1, 1, 1, 1), l(8, 8, 8, 8)));
        Confidence c = section(rows, new ArrayList<>());
        for (String q : SurveyAnswer.QUESTIONS) {
            ConfidenceGroup none = group(c, "complainant", q, ConfidenceSection.NONE);
            assertEquals("primary", none.answers().suppressed());
            assertEquals("primary", none.agree().suppressed());
            assertNull(none.share());
            assertNull(none.mean());
            ConfidenceGroup right = group(c, "complainant", q, "right");
            assertEquals("secondary", right.answers().suppressed(), q);
            assertEquals("secondary", right.agree().suppressed(), q);
            assertNull(right.mean());
            assertTrue(right.comparison().ratio() == null);
            ConfidenceGroup centre = group(c, "complainant", q, "centre");
            assertEquals(Count.of(30), centre.answers());
            assertEquals(Count.of(55), group(c, "complainant", q, FairnessReport.ALL).answers());
        }
        assertEquals(Count.of(14), group(c, "complainant", "trust", "centre").agree());
        assertEquals(89.0 / 30, group(c, "complainant", "trust", "centre").mean(), 1e-12);
        assertEquals(Count.of(0), group(c, "respondent", "heard", "centre").answers(), "no respondent answered");
        assertUnrecoverable(c);
    }

    /**
     * The attack of SuppressionAuditTest on this section: from what is published alone (answers =
     * agree + not agree for every group and question; groups add up to the total), the smallest and
     * largest value of each suppressed count, by linear programming. None may be pinned down.
     */
    static void assertUnrecoverable(Confidence c) {
        for (FairnessReport.ConfidenceRole role : c.roles()) {
            Map<String, Long> known = new HashMap<>();
            List<String> unknown = new ArrayList<>();
            List<Map<String, Double>> equations = new ArrayList<>();
            List<String> groups = role.questions().get(0).groups().stream().map(ConfidenceGroup::group).toList();
            for (ConfidenceQuestion q : role.questions()) {
                for (ConfidenceGroup g : q.groups()) {
                    put(known, unknown, "A|" + g.group(), g.answers());
                    put(known, unknown, "Y|" + g.group() + "|" + q.id(), g.agree());
                    unknown.add("N|" + g.group() + "|" + q.id());
                    equations.add(Map.of("A|" + g.group(), 1.0, "Y|" + g.group() + "|" + q.id(), -1.0,
                            "N|" + g.group() + "|" + q.id(), -1.0));
                }
                for (String kind : List.of("Y|", "N|")) {
                    Map<String, Double> column = new HashMap<>();
                    column.put(kind + FairnessReport.ALL + "|" + q.id(), 1.0);
                    groups.stream().filter(g -> !g.equals(FairnessReport.ALL)).forEach(g -> column.put(kind + g + "|"
                            + q.id(), -1.0));
                    equations.add(column);
                }
            }
            Map<String, Double> answers = new HashMap<>();
            answers.put("A|" + FairnessReport.ALL, 1.0);
            groups.stream().filter(g -> !g.equals(FairnessReport.ALL)).forEach(g -> answers.put("A|" + g, -1.0));
            equations.add(answers);
            List<String> vars = unknown.stream().distinct().toList();
            List<LinearConstraint> constraints = new ArrayList<>();
            for (Map<String, Double> e : equations) {
                double[] coef = new double[vars.size()];
                double rhs = 0;
                for (Map.Entry<String, Double> t : e.entrySet()) {
                    if (known.containsKey(t.getKey())) {
                        rhs -= t.getValue() * known.get(t.getKey());
                    } else {
                        coef[vars.indexOf(t.getKey())] += t.getValue();
                    }
                }
                constraints.add(new LinearConstraint(coef, Relationship.EQ, rhs));
            }
            for (String v : vars.stream().filter(x -> !x.startsWith("N|")).toList()) {
                double[] target = new double[vars.size()];
                target[vars.indexOf(v)] = 1;
                double lo = solve(target, constraints, GoalType.MINIMIZE);
                double hi = solve(target, constraints, GoalType.MAXIMIZE, known);
                assertTrue(hi - lo >= 1 - 1e-6, role.role() + " " + v + " is pinned to " + lo + ".." + hi);
            }
        }
    }

    private static void put(Map<String, Long> known, List<String> unknown, String var, Count c) {
        if (c.published()) {
            known.put(var, c.value());
        } else {
            unknown.add(var);
        }
    }

    private static double solve(double[] target, List<LinearConstraint> constraints, GoalType goal) {
        return new SimplexSolver().optimize(new MaxIter(10_000), new LinearObjectiveFunction(target, 0),
                new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(true)).getValue();
    }

    /** Maximising needs a bound: no count exceeds the total answers of its role. */
    private static double solve(double[] target, List<LinearConstraint> constraints, GoalType goal,
            Map<String, Long> known) {
        long bound = known.getOrDefault("A|" + FairnessReport.ALL, 1_000_000L);
        List<LinearConstraint> bounded = new ArrayList<>(constraints);
        for (int i = 0; i < target.length; i++) {
            double[] one = new double[target.length];
            one[i] = 1;
            bounded.add(new LinearConstraint(one, Relationship.LEQ, bound));
        }
        return solve(target, bounded, goal);
    }
}
