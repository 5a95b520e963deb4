package org.evenhand.audit;

import static org.evenhand.audit.FairnessReport.ALL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.evenhand.audit.FairnessReport.Confidence;
import org.evenhand.audit.FairnessReport.ConfidenceGroup;
import org.evenhand.audit.FairnessReport.ConfidenceQuestion;
import org.evenhand.audit.FairnessReport.ConfidenceRole;
import org.evenhand.audit.FairnessReport.Count;
import org.evenhand.audit.FairnessReport.Stratified;
import org.evenhand.audit.Metrics.Role;
import org.evenhand.audit.stats.CellSuppression;
import org.evenhand.audit.stats.Comparison;
import org.evenhand.audit.stats.FalseDiscovery;
import org.evenhand.audit.stats.Independence;
import org.evenhand.audit.stats.MantelHaenszel;
import org.evenhand.audit.stats.Rules;
import org.evenhand.audit.stats.TwoByTwo;
import org.evenhand.audit.stats.Verdict;

/**
 * The report's section on confidence in the process, from the survey's aggregates: per role,
 * question and group, the answers, how many agreed (4 or 5), the share agreeing and the mean score;
 * each faction against everyone else who answered, as it stands and within outcome bands (the
 * call: how a case ended shapes how its parties feel, so a faction more often upheld would look
 * less confident for that alone), with the Benjamini-Hochberg adjustment over the section's calls.
 * Small counts are suppressed as everywhere else: primary under the threshold, secondary where a
 * total or the other half of an answer count would give one away; a zero for a group with no
 * answers in that role is an absence and is shown. Pure computation: no database, no clock.
 */
final class ConfidenceSection {

    /** The group of answers given without a faction (none declared, or the member chose not to give it). */
    static final String NONE = "no-faction";

    record Question(String id, String label, String phrase) {
    }

    static final List<Question> QUESTIONS = List.of(
            new Question("heard", "I was heard", "they were heard"),
            new Question("neutral", "The people handling the case were neutral", "the people handling the case were neutral"),
            new Question("respect", "I was treated with respect", "they were treated with respect"),
            new Question("trust", "I trust the outcome", "they trust the outcome"));

    static final List<String> TERMS = List.of(
            "Answers: how many parties in that role answered the survey in the quarters covered.",
            "Agree: answered 4 (agree) or 5 (strongly agree), on a scale from 1 (strongly disagree) to 5.",
            "Share agreeing: those who agreed out of those who answered.",
            "Mean: the average answer, from 1 to 5.",
            "Ratio to the rest: a faction's share agreeing divided by everyone else's (those who gave no faction"
                    + " included); 1 means the same.",
            "Within outcome bands (Mantel-Haenszel): the same ratio comparing only answers about cases that ended"
                    + " alike (upheld, not upheld, dismissed at triage), then combined; the call is made on this.",
            "Adjusted for many comparisons (Benjamini-Hochberg): a flag must survive the correction for all the"
                    + " comparisons in this section.");

    private final ConfidenceQueries.Data data;
    private final Rules rules;
    private final int threshold;
    final List<String> factionGroups;
    final List<String> groups;
    final List<String> withAll;
    /** "role|group|band" (band "*" for all) -> {answers, agree per question..., sum per question...} */
    private final Map<String, long[]> acc = new HashMap<>();
    private final CellSuppression cells = new CellSuppression();
    private final List<String> findings = new ArrayList<>();
    private final int n = QUESTIONS.size();

    ConfidenceSection(ConfidenceQueries.Data data, List<String> factions, Rules rules, int threshold) {
        this.data = data;
        this.rules = rules;
        this.threshold = threshold;
        List<String> fg = new ArrayList<>(factions);
        TreeSet<String> seen = new TreeSet<>();
        data.rows().forEach(r -> seen.add(r.faction()));
        seen.stream().filter(f -> !f.isEmpty() && !fg.contains(f)).forEach(fg::add);
        this.factionGroups = List.copyOf(fg);
        List<String> g = new ArrayList<>(fg);
        g.add(NONE);
        this.groups = List.copyOf(g);
        g.add(ALL);
        this.withAll = List.copyOf(g);
        for (ConfidenceQueries.Row r : data.rows()) {
            String group = r.faction().isEmpty() ? NONE : r.faction();
            for (String k : List.of(r.role() + "|" + group + "|" + r.band(), r.role() + "|" + group + "|*",
                    r.role() + "|" + ALL + "|" + r.band(), r.role() + "|" + ALL + "|*")) {
                long[] v = acc.computeIfAbsent(k, x -> new long[1 + 2 * n]);
                v[0] += r.answers();
                for (int i = 0; i < n; i++) {
                    v[1 + i] += r.agree()[i];
                    v[1 + n + i] += r.sum()[i];
                }
            }
        }
    }

    long answers(Role role, String g, String band) {
        return acc.getOrDefault(role.id + "|" + g + "|" + band, new long[1 + 2 * n])[0];
    }

    long agree(Role role, String g, String band, int q) {
        return acc.getOrDefault(role.id + "|" + g + "|" + band, new long[1 + 2 * n])[1 + q];
    }

    private long sum(Role role, String g, int q) {
        return acc.getOrDefault(role.id + "|" + g + "|*", new long[1 + 2 * n])[1 + n + q];
    }

    static String answersCell(Role role, String g) {
        return "S|" + role.code + "|" + g + "|answers";
    }

    static String agreeCell(Role role, String g, int q) {
        return "S|" + role.code + "|" + g + "|" + QUESTIONS.get(q).id() + "|agree";
    }

    static String nonCell(Role role, String g, int q) {
        return "S|" + role.code + "|" + g + "|" + QUESTIONS.get(q).id() + "|non";
    }

    /** Every count as a cell, with the sums a reader knows; then suppression. */
    private void suppress() {
        for (Role role : Role.values()) {
            for (String g : withAll) {
                long a = answers(role, g, "*");
                cells.cell(answersCell(role, g), a);
                for (int q = 0; q < n; q++) {
                    long y = agree(role, g, "*", q);
                    cells.cell(agreeCell(role, g, q), y).cell(nonCell(role, g, q), a - y);
                }
            }
            for (String g : withAll) {
                boolean none = answers(role, g, "*") == 0;
                if (none) {
                    cells.structuralZero(answersCell(role, g));
                }
                for (int q = 0; q < n; q++) {
                    if (none || agree(role, ALL, "*", q) == 0) {
                        cells.structuralZero(agreeCell(role, g, q));
                    }
                    if (none || answers(role, ALL, "*") == agree(role, ALL, "*", q)) {
                        cells.structuralZero(nonCell(role, g, q));
                    }
                    cells.equation(answersCell(role, g), List.of(agreeCell(role, g, q), nonCell(role, g, q)));
                }
            }
            cells.equation(answersCell(role, ALL), groups.stream().map(g -> answersCell(role, g)).toList());
            for (int q = 0; q < n; q++) {
                int qq = q;
                cells.equation(agreeCell(role, ALL, q), groups.stream().map(g -> agreeCell(role, g, qq)).toList());
                cells.equation(nonCell(role, ALL, q), groups.stream().map(g -> nonCell(role, g, qq)).toList());
            }
        }
        cells.apply(threshold);
    }

    private Count count(String id) {
        return switch (cells.state(id)) {
            case PUBLISHED -> Count.of(cells.value(id));
            case PRIMARY -> new Count(null, "primary");
            case SECONDARY -> new Count(null, "secondary");
        };
    }

    private boolean published(String... ids) {
        for (String id : ids) {
            if (cells.suppressed(id)) {
                return false;
            }
        }
        return true;
    }

    /** The findings this section adds to the report's (flagged calls only). */
    List<String> findings() {
        return findings;
    }

    Confidence build() {
        String description = "When a case ends, each party it was put to is invited to say, from 1 (strongly"
                + " disagree) to 5 (strongly agree), whether they were heard, whether the people handling it were"
                + " neutral, whether they were treated with respect and whether they trust the outcome. Answers carry"
                + " no name and no case: only the role, how the case ended (upheld, not upheld, dismissed at triage),"
                + " the quarter they were given in and, where the member chose, the faction they had declared. Counted"
                + " by the quarter of answering, whole quarters inside the period only, for the whole party (answers"
                + " carry no region or CLP).";
        List<String> quarters = data.quarters().stream().map(q -> q.getYear() + "-Q" + ((q.getMonthValue() - 1) / 3 + 1))
                .toList();
        if (quarters.isEmpty()) {
            return new Confidence(description + " This period holds no whole quarter, so no answers are counted.",
                    quarters, TERMS, List.of(), null);
        }
        suppress();
        Map<String, Stratified> calls = withinBands();
        List<ConfidenceRole> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            List<ConfidenceQuestion> questions = new ArrayList<>();
            for (int q = 0; q < n; q++) {
                questions.add(question(role, q, calls));
            }
            roles.add(new ConfidenceRole(role.id, role == Role.RESPONDENT ? "Members complained about, by the"
                    + " faction they gave with their answers." : "Members who complained, by the faction they gave"
                    + " with their answers.", questions));
        }
        return new Confidence(description, quarters, TERMS, roles, new FairnessReport.Disclosure(threshold,
                cells.cells().size(), cells.count(CellSuppression.State.PRIMARY),
                cells.count(CellSuppression.State.SECONDARY), "Counts from 1 to " + (threshold - 1) + " are"
                        + " suppressed, and further counts wherever a total or the other answers would let one be"
                        + " worked out. Shares, means and ratios that would reveal a suppressed count are withheld;"
                        + " the call is still given."));
    }

    private ConfidenceQuestion question(Role role, int q, Map<String, Stratified> calls) {
        List<ConfidenceGroup> rows = new ArrayList<>();
        String all = answersCell(role, ALL);
        boolean totalShown = published(all, agreeCell(role, ALL, q), nonCell(role, ALL, q));
        for (String g : withAll) {
            long a = answers(role, g, "*");
            long y = agree(role, g, "*", q);
            boolean shown = published(answersCell(role, g), agreeCell(role, g, q), nonCell(role, g, q)) && a > 0;
            Double share = shown ? (double) y / a : null;
            Double mean = shown ? (double) sum(role, g, q) / a : null;
            Comparison crude = null;
            Stratified within = null;
            if (factionGroups.contains(g)) {
                crude = TwoByTwo.compare(y, a, agree(role, ALL, "*", q) - y, answers(role, ALL, "*") - a, rules);
                crude = shown && totalShown ? crude : crude.withheld();
                within = calls.get(role.id + "|" + q + "|" + g);
            }
            rows.add(new ConfidenceGroup(g, count(answersCell(role, g)), count(agreeCell(role, g, q)), share, mean,
                    crude, within));
        }
        long[][] table = new long[factionGroups.size()][2];
        boolean tableShown = true;
        for (int i = 0; i < factionGroups.size(); i++) {
            String g = factionGroups.get(i);
            table[i][0] = agree(role, g, "*", q);
            table[i][1] = answers(role, g, "*") - table[i][0];
            tableShown &= published(agreeCell(role, g, q), nonCell(role, g, q));
        }
        Independence across = Independence.test(table, rules);
        if (!tableShown) {
            across = new Independence(across.groups(), null, across.degreesOfFreedom(), null, null, across.verdict(),
                    across.reason() + " (statistic withheld: the table has suppressed cells)");
        }
        Question question = QUESTIONS.get(q);
        return new ConfidenceQuestion(question.id(), question.label(), rows, across);
    }

    /**
     * Every faction's comparison within outcome bands, for every role and question: the call, after
     * the Benjamini-Hochberg adjustment over all of them; figures only where no count within a band
     * is small (the bands' counts are not published, so no figure may let one be worked out).
     */
    private Map<String, Stratified> withinBands() {
        Map<String, MantelHaenszel.Result> results = new LinkedHashMap<>();
        Map<String, Boolean> figures = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        for (Role role : Role.values()) {
            for (int q = 0; q < n; q++) {
                for (String g : factionGroups) {
                    String key = role.id + "|" + q + "|" + g;
                    List<long[]> strata = new ArrayList<>();
                    boolean big = published(answersCell(role, g), agreeCell(role, g, q), nonCell(role, g, q),
                            answersCell(role, ALL), agreeCell(role, ALL, q), nonCell(role, ALL, q));
                    for (OutcomeBand b : OutcomeBand.values()) {
                        long a = agree(role, g, b.code, q);
                        long n1 = answers(role, g, b.code);
                        long c = agree(role, ALL, b.code, q) - a;
                        long n0 = answers(role, ALL, b.code) - n1;
                        if (n1 + n0 > 0) {
                            strata.add(new long[] { a, n1, c, n0 });
                            for (long x : new long[] { a, n1 - a, c, n0 - c }) {
                                big &= x >= threshold;
                            }
                        }
                    }
                    figures.put(key, big);
                    long n1 = strata.stream().mapToLong(k -> k[1]).sum();
                    long n0 = strata.stream().mapToLong(k -> k[3]).sum();
                    if (n1 < rules.minimumGroupSize() || n0 < rules.minimumGroupSize()) {
                        reasons.put(key, "fewer than " + rules.minimumGroupSize() + " answers on one side (" + n1
                                + " in the faction, " + n0 + " from the rest)");
                        continue;
                    }
                    MantelHaenszel.Result r = MantelHaenszel.analyse(strata, rules.z());
                    if (r.riskRatio() == null) {
                        reasons.put(key, "no outcome band has answers agreeing on both sides, so no common ratio"
                                + " can be estimated");
                    } else {
                        results.put(key, r);
                    }
                }
            }
        }
        List<String> tested = new ArrayList<>(results.keySet());
        double[] adjusted = FalseDiscovery.adjust(tested.stream().mapToDouble(k -> results.get(k).cmhP()).toArray());
        Map<String, Stratified> out = new HashMap<>();
        reasons.forEach((k, why) -> out.put(k, stratified(null, Verdict.INSUFFICIENT_EVIDENCE, why, null, false)));
        for (int i = 0; i < tested.size(); i++) {
            String key = tested.get(i);
            MantelHaenszel.Result r = results.get(key);
            Rules.Call call = rules.call(r.riskRatio(), r.rrLower(), r.rrUpper());
            Verdict verdict = call.verdict();
            String reason = "within outcome bands: " + call.reason();
            if (verdict == Verdict.FLAGGED && adjusted[i] >= rules.alpha()) {
                verdict = Verdict.INSUFFICIENT_EVIDENCE;
                reason += ", but not after allowing for the " + tested.size() + " such comparisons in this section"
                        + " (Benjamini-Hochberg adjusted p " + String.format(Locale.UK, "%.3g", adjusted[i])
                        + "): it could be chance";
            }
            Stratified s = stratified(r, verdict, reason, adjusted[i], figures.get(key));
            out.put(key, s);
            if (verdict == Verdict.FLAGGED) {
                finding(key, r, s);
            }
        }
        return out;
    }

    private void finding(String key, MantelHaenszel.Result r, Stratified s) {
        String[] k = key.split("\\|", 3);
        Question q = QUESTIONS.get(Integer.parseInt(k[1]));
        String who = "respondent".equals(k[0]) ? "members complained about" : "members who complained";
        findings.add("Confidence in the process, " + who + ": " + AuditViews.group(k[2]) + " members agreed that "
                + q.phrase() + " " + (r.riskRatio() < 1 ? "less" : "more") + " often than the rest, comparing answers"
                + " about cases that ended alike (" + (s.riskRatio() == null ? "figures withheld: small numbers"
                        : "Mantel-Haenszel ratio " + Wording.ratio(s.riskRatio()) + ", " + rules.percent()
                                + " interval " + Wording.ratio(s.ciLower()) + "-" + Wording.ratio(s.ciUpper()))
                + ").");
    }

    private Stratified stratified(MantelHaenszel.Result r, Verdict verdict, String reason, Double pAdjusted,
            boolean figures) {
        Boolean heterogeneous = r == null || r.breslowDayP() == null ? null : r.breslowDayP() < rules.alpha();
        if (r == null || !figures) {
            return new Stratified(r == null ? null : r.strata(), null, null, null, null, null, null, null, null, null,
                    null, null, heterogeneous, verdict, r == null ? reason
                            : reason + " (figures withheld: a count within an outcome band is small)", "outcome band",
                    null);
        }
        return new Stratified(r.strata(), r.riskRatio(), r.rrLower(), r.rrUpper(), r.oddsRatio(), r.orLower(),
                r.orUpper(), r.cmh(), r.cmhP(), r.breslowDay(), r.breslowDayDf(), r.breslowDayP(), heterogeneous,
                verdict, reason, "outcome band", pAdjusted);
    }
}
