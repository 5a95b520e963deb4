package org.evenhand.audit;

import static org.evenhand.audit.FairnessReport.ALL;
import static org.evenhand.audit.Metrics.SANCTIONS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.evenhand.audit.FairnessReport.ClauseTime;
import org.evenhand.audit.FairnessReport.Count;
import org.evenhand.audit.FairnessReport.CounterOutcome;
import org.evenhand.audit.FairnessReport.GroupTime;
import org.evenhand.audit.FairnessReport.OpenerOutcome;
import org.evenhand.audit.FairnessReport.SanctionRow;
import org.evenhand.audit.FairnessReport.SanctionTable;
import org.evenhand.audit.FairnessReport.TimeMetric;
import org.evenhand.audit.Metrics.Role;
import org.evenhand.audit.stats.Comparison;
import org.evenhand.audit.stats.Histogram;
import org.evenhand.audit.stats.Independence;
import org.evenhand.audit.stats.TwoByTwo;
import org.evenhand.audit.stats.Verdict;

/**
 * The parts of the report beside the rates: times (days to decision, length of suspension),
 * sanctions by group, provocation and counter-complaints, and handling time by clause.
 */
final class ReportSections {

    private final CaseCounts counts;
    private final ReportCells cells;
    private final FairnessAnalysis.Settings s;

    ReportSections(CaseCounts counts, ReportCells cells, FairnessAnalysis.Settings settings) {
        this.counts = counts;
        this.cells = cells;
        this.s = settings;
    }

    private Count count(String id) {
        return cells.count(id);
    }

    private String cell(Role role, String g, int idx) {
        return cells.cell(role, g, idx);
    }

    private boolean published(String... ids) {
        return cells.published(ids);
    }

    private long value(Role role, String g, int idx) {
        return counts.value(role, g, idx);
    }

    TimeMetric time(Role role, String id, String label, String description, Map<String, Histogram> hists,
            int countIdx) {
        List<GroupTime> rows = new ArrayList<>();
        Histogram all = hists.getOrDefault(ALL, new Histogram());
        for (String g : counts.withAll()) {
            Histogram h = hists.getOrDefault(g, new Histogram());
            String cellId = cell(role, g, countIdx);
            Count n = count(cellId);
            if (!n.published()) {
                rows.add(new GroupTime(g, n, null, null, null, null, null,
                        counts.factionGroups.contains(g) ? Verdict.INSUFFICIENT_EVIDENCE : null,
                        counts.factionGroups.contains(g) ? "too few cases to publish" : null));
                continue;
            }
            Double median = h.size() == 0 ? null : h.quantile(0.5);
            Double p90 = h.size() == 0 ? null : h.quantile(0.9);
            if (!counts.factionGroups.contains(g)) {
                rows.add(new GroupTime(g, n, median, p90, null, null, null, null, null));
                continue;
            }
            Comparisons.TimeCall call = Comparisons.timeCall(h, all.minus(h), s.rules());
            rows.add(new GroupTime(g, n, median, p90, call.ratio(), call.superiority(), call.p(), call.verdict(),
                    call.reason()));
        }
        return new TimeMetric(id, label, description, rows);
    }

    SanctionTable sanctions(Role role) {
        List<String> ids = new ArrayList<>(counts.sanctions);
        ids.add("other");
        List<String> titles = new ArrayList<>();
        counts.sanctions.forEach(id -> titles.add(counts.sanctionTitles.getOrDefault(id, id)));
        titles.add("Other (not on the current ladders)");
        List<SanctionRow> rows = new ArrayList<>();
        long[][] table = new long[counts.factionGroups.size()][ids.size()];
        boolean allPublished = true;
        for (String g : counts.withAll()) {
            List<Count> row = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = cell(role, g, SANCTIONS + i);
                row.add(count(id));
                int fi = counts.factionGroups.indexOf(g);
                if (fi >= 0) {
                    table[fi][i] = counts.value(role, g, SANCTIONS + i);
                    allPublished &= published(id);
                }
            }
            rows.add(new SanctionRow(g, count(cell(role, g, Measure.DECIDED.ordinal())), row));
        }
        Independence across = Independence.test(table, s.rules());
        if (!allPublished) {
            across = new Independence(across.groups(), null, across.degreesOfFreedom(), null, null, across.verdict(),
                    across.reason() + " (statistic withheld: the table has suppressed cells)");
        }
        return new SanctionTable(ids, titles, rows, across);
    }

    FairnessReport.Provocation provocation() {
        List<OpenerOutcome> openers = new ArrayList<>();
        Role r = Role.RESPONDENT;
        int fmD = Measure.DECIDED_RESPONDENT_OPENED.ordinal();
        int fmU = Measure.UPHELD_RESPONDENT_OPENED.ordinal();
        int reD = Measure.DECIDED_COMPLAINANT_OPENED.ordinal();
        int reU = Measure.UPHELD_COMPLAINANT_OPENED.ordinal();
        for (String g : counts.withAll()) {
            Count fd = count(cell(r, g, fmD));
            Count fu = count(cell(r, g, fmU));
            Count rd = count(cell(r, g, reD));
            Count ru = count(cell(r, g, reU));
            Comparison cmp = TwoByTwo.compare(value(r, g, reU), value(r, g, reD), value(r, g, fmU), value(r, g, fmD),
                    s.rules());
            if (!(fd.published() && fu.published() && rd.published() && ru.published())) {
                cmp = cmp.withheld();
            }
            openers.add(new OpenerOutcome(g, fd, fu, rate(fu, fd), rd, ru, rate(ru, rd), cmp));
        }
        List<CounterOutcome> counters = new ArrayList<>();
        Role c = Role.COMPLAINANT;
        for (String g : counts.withAll()) {
            Count cd = count(cell(c, g, Measure.COUNTER_DECIDED.ordinal()));
            Count cu = count(cell(c, g, Measure.COUNTER_UPHELD.ordinal()));
            Count dd = count(cell(c, g, Measure.COUNTERED_DECIDED.ordinal()));
            Count du = count(cell(c, g, Measure.COUNTERED_UPHELD.ordinal()));
            counters.add(new CounterOutcome(g, count(cell(c, g, Measure.CASES.ordinal())),
                    count(cell(c, g, Measure.COUNTER.ordinal())), cd, cu, rate(cu, cd),
                    count(cell(c, g, Measure.COUNTERED.ordinal())), dd, du, rate(du, dd)));
        }
        return new FairnessReport.Provocation("Who opened the exchange is read by triage from the thread. A first"
                + " mover opened the exchange complained about; a reactor replied to it. A counter-complaint is one"
                + " made by B about A within " + s.counterWindowDays() + " days of A's complaint about B, about"
                + " conduct within " + s.conductWindowDays() + " days of it (the same exchange). The comparison"
                + " is of decided complaints against reactors with those against first movers (reactor rate over"
                + " first-mover rate).", openers, counters);
    }

    private static Double rate(Count num, Count den) {
        return num.published() && den.published() && den.value() > 0 ? (double) num.value() / den.value() : null;
    }

    FairnessReport.HandlingTime handlingTime() {
        List<ClauseTime> rows = new ArrayList<>();
        Histogram all = new Histogram();
        counts.clauseDays.values().forEach(all::addAll);
        counts.clauseDays.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> rows.add(clauseTime(e.getKey(), counts.clauseTitle(e.getKey()),
                        counts.clauseTier(e.getKey()), "H|" + e.getKey(), e.getValue(), all.minus(e.getValue()))));
        Histogram pc = new Histogram();
        s.protectedClauses().stream().filter(counts.clauseDays::containsKey)
                .forEach(cl -> pc.addAll(counts.clauseDays.get(cl)));
        ClauseTime protectedRow = clauseTime(String.join(",", s.protectedClauses()),
                "Clauses about protected characteristics", null, "H|protected", pc, all.minus(pc));
        List<ClauseTime> byCharacteristic = new ArrayList<>();
        Histogram allCharacteristics = new Histogram();
        counts.characteristicDays.values().forEach(allCharacteristics::addAll);
        counts.characteristicDays.forEach((c, h) -> byCharacteristic.add(clauseTime(c, CHARACTERISTICS.getOrDefault(c,
                c), null, "H|pc:" + c, h, allCharacteristics.minus(h))));
        return new FairnessReport.HandlingTime("Days from receipt to the panel's decision by lead clause (the gravest"
                + " clause engaged at triage), each against all other clauses; the clauses about protected"
                + " characteristics (" + String.join(", ", s.protectedClauses()) + ") together against the rest;"
                + " and, where triage recorded which protected characteristic (Equality Act 2010) a complaint of"
                + " hateful language concerns, each characteristic against the others - so that a hierarchy, some"
                + " characteristics handled more slowly than others, would show.", rows, protectedRow,
                byCharacteristic);
    }

    static final Map<String, String> CHARACTERISTICS = Map.of("age", "Age", "disability", "Disability",
            "gender-reassignment", "Gender reassignment", "marriage-civil-partnership", "Marriage and civil partnership",
            "pregnancy-maternity", "Pregnancy and maternity", "race", "Race", "religion-belief", "Religion or belief",
            "sex", "Sex", "sexual-orientation", "Sexual orientation");

    private ClauseTime clauseTime(String clause, String title, Integer tier, String cellId, Histogram h,
            Histogram rest) {
        Count n = count(cellId);
        if (!n.published() || h.size() == 0) {
            return new ClauseTime(clause, title, tier, n, null, null, null, null, Verdict.INSUFFICIENT_EVIDENCE,
                    n.published() ? "no decided complaints" : "too few cases to publish");
        }
        Comparisons.TimeCall call = Comparisons.timeCall(h, rest, s.rules());
        return new ClauseTime(clause, title, tier, n, h.quantile(0.5), h.quantile(0.9), call.ratio(), call.p(),
                call.verdict(), call.reason());
    }
}
