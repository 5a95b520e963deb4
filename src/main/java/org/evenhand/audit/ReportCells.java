package org.evenhand.audit;

import static org.evenhand.audit.FairnessReport.ALL;
import static org.evenhand.audit.Metrics.KNOWN;
import static org.evenhand.audit.Metrics.M;
import static org.evenhand.audit.Metrics.MEMBERS;
import static org.evenhand.audit.Metrics.PAIRS;
import static org.evenhand.audit.Metrics.SANCTIONS;
import static org.evenhand.audit.Metrics.SEVERE;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.evenhand.audit.FairnessReport.Count;
import org.evenhand.audit.Metrics.MetricDef;
import org.evenhand.audit.Metrics.Role;
import org.evenhand.audit.Metrics.Strata;
import org.evenhand.audit.stats.CellSuppression;

/**
 * Every count the report publishes, or lets a reader derive, as a cell of {@link CellSuppression},
 * with the relations a reader knows between them (groups add up to the total, clauses to their
 * tier, tiers to the whole, events and non-events to cases, sanctions to decided cases).
 *
 * <p>Which zeros need no protection: a zero in a group that has no case at all in the role (a
 * faction nobody in the period belonged to), a zero whose total over every group is zero, and a
 * population of zero. Those are absences, not people; publishing them reveals nothing about
 * anyone, and suppressing them would force the suppression of the populated groups' figures
 * (secondary suppression) for no one's benefit. Every other count from 1 to the threshold less
 * one is suppressed, and then as few further counts as stop any of those being worked out,
 * the smallest first.
 */
final class ReportCells {

    private final CaseCounts counts;
    private final int threshold;
    private final List<String> protectedClauses;
    private final CellSuppression cells = new CellSuppression();

    ReportCells(CaseCounts counts, int threshold, List<String> protectedClauses) {
        this.counts = counts;
        this.threshold = threshold;
        this.protectedClauses = protectedClauses;
    }

    String name(int idx) {
        if (idx < M) {
            return Measure.values()[idx].id;
        }
        if (idx == KNOWN) {
            return "opener-known";
        }
        if (idx == SEVERE) {
            return "severe-sanction";
        }
        int k = idx - SANCTIONS;
        return "sanction:" + (k < counts.sanctions.size() ? counts.sanctions.get(k) : "other");
    }

    String cell(Role role, String group, int idx) {
        return idx == MEMBERS ? "P|" + group : role.code + "|" + group + "|" + name(idx);
    }

    String cell(Role role, String group, String stratum, int idx) {
        return role.code + "|" + group + "|" + stratum + "|" + name(idx);
    }

    private void declare(String id, Role role, String group, long value) {
        cells.cell(id, value);
        if (value == 0 && counts.empty(role, group)) {
            cells.structuralZero(id);
        }
    }

    private Set<Integer> publishedMeasures(Role role) {
        Set<Integer> idx = new TreeSet<>();
        for (MetricDef m : Metrics.forRole(role)) {
            idx.add(m.num());
            if (m.den() != MEMBERS) {
                idx.add(m.den());
            }
        }
        idx.add(Measure.OPENED_BY_COMPLAINANT.ordinal());
        idx.add(Measure.OPENED_BY_RESPONDENT.ordinal());
        for (int[] pair : PAIRS) {
            idx.add(pair[0]);
            idx.add(pair[1]);
        }
        idx.add(Measure.COUNTERED.ordinal());
        for (int i = 0; i <= counts.sanctions.size(); i++) {
            idx.add(SANCTIONS + i);
        }
        return idx;
    }

    /** Declares every cell and relation, then suppresses. */
    void apply() {
        List<String> groups = counts.groups;
        for (String g : counts.withAll()) {
            cells.cell("P|" + g, counts.population.get(g));
            if (counts.population.get(g) == 0) {
                cells.structuralZero("P|" + g);
            }
        }
        cells.equation("P|" + ALL, groups.stream().map(g -> "P|" + g).toList());
        for (Role role : Role.values()) {
            Set<Integer> measures = publishedMeasures(role);
            for (int idx : measures) {
                for (String g : counts.withAll()) {
                    declare(cell(role, g, idx), role, g, counts.value(role, g, idx));
                }
                cells.equation(cell(role, ALL, idx), groups.stream().map(g -> cell(role, g, idx)).toList());
                // The same cases in both roles (always, without a filter): the totals are one count.
                if (role == Role.COMPLAINANT && publishedMeasures(Role.RESPONDENT).contains(idx)
                        && counts.value(role, ALL, idx) == counts.value(Role.RESPONDENT, ALL, idx)) {
                    cells.equation(cell(role, ALL, idx), List.of(cell(Role.RESPONDENT, ALL, idx)));
                }
            }
            for (String g : counts.withAll()) {
                sanctionEquations(role, g);
            }
            Set<String> done = new LinkedHashSet<>();
            for (MetricDef m : Metrics.forRole(role)) {
                if (m.den() != MEMBERS) {
                    complement(role, null, m.num(), m.den());
                }
                if (m.strata() != Strata.NONE) {
                    strata(role, m, done);
                }
            }
            for (int[] pair : PAIRS) {
                complement(role, null, pair[0], pair[1]);
            }
        }
        // A count whose total over every group is zero is zero for everyone: nothing to protect.
        for (String id : List.copyOf(cells.cells())) {
            int bar = id.indexOf('|');
            int bar2 = bar < 0 ? -1 : id.indexOf('|', bar + 1);
            if (bar2 > 0 && cells.value(id) == 0 && !id.startsWith("P|") && !id.startsWith("H|")) {
                String total = id.substring(0, bar + 1) + ALL + id.substring(bar2);
                if (cells.cells().contains(total) && cells.value(total) == 0) {
                    cells.structuralZero(id);
                }
            }
        }
        clauseDays();
        cells.apply(threshold);
    }

    private void sanctionEquations(Role role, String g) {
        cells.equation(cell(role, g, KNOWN), List.of(cell(role, g, Measure.OPENED_BY_COMPLAINANT.ordinal()),
                cell(role, g, Measure.OPENED_BY_RESPONDENT.ordinal())));
        List<String> all = new ArrayList<>();
        List<String> sev = new ArrayList<>();
        for (int i = 0; i <= counts.sanctions.size(); i++) {
            all.add(cell(role, g, SANCTIONS + i));
            if (i < counts.sanctions.size() && counts.severe.contains(counts.sanctions.get(i))) {
                sev.add(cell(role, g, SANCTIONS + i));
            }
        }
        cells.equation(cell(role, g, Measure.DECIDED.ordinal()), all);
        cells.equation(cell(role, g, SEVERE), sev);
        // ...and the two together: decided = the other sanctions + the severe ones.
        List<String> mild = new ArrayList<>(all);
        mild.removeAll(sev);
        mild.add(cell(role, g, SEVERE));
        cells.equation(cell(role, g, Measure.DECIDED.ordinal()), mild);
    }

    /** Tier and clause cells of a stratified metric: clauses add up to their tier, tiers to the whole. */
    private void strata(Role role, MetricDef m, Set<String> done) {
        for (int t : counts.tiers(m.strata())) {
            String tier = CaseCounts.tierKey(m.strata(), t);
            List<String> clauseKeys = counts.clauses(m.strata(), t).stream()
                    .map(c -> CaseCounts.clauseKey(m.strata(), t, c)).toList();
            for (int idx : new int[] { m.num(), m.den() }) {
                if (!done.add(tier + "/" + idx)) {
                    continue;
                }
                for (String key : concat(tier, clauseKeys)) {
                    for (String g : counts.withAll()) {
                        declare(cell(role, g, key, idx), role, g, counts.value(role, g, key, idx));
                    }
                    cells.equation(cell(role, ALL, key, idx),
                            counts.groups.stream().map(g -> cell(role, g, key, idx)).toList());
                }
                for (String g : counts.withAll()) {
                    cells.equation(cell(role, g, tier, idx), clauseKeys.stream().map(k -> cell(role, g, k, idx)).toList());
                }
            }
            for (String key : concat(tier, clauseKeys)) {
                complement(role, key, m.num(), m.den());
            }
        }
        for (int idx : new int[] { m.num(), m.den() }) {
            if (done.add(m.strata() + "/" + idx)) {
                for (String g : counts.withAll()) {
                    cells.equation(cell(role, g, idx), counts.tiers(m.strata()).stream()
                            .map(t -> cell(role, g, CaseCounts.tierKey(m.strata(), t), idx)).toList());
                }
            }
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> l = new ArrayList<>();
        l.add(first);
        l.addAll(rest);
        return l;
    }

    private void clauseDays() {
        List<String> clauseCells = new ArrayList<>();
        counts.clauseDays.forEach((clause, h) -> {
            cells.cell("H|" + clause, h.size());
            clauseCells.add("H|" + clause);
        });
        if (!clauseCells.isEmpty()) {
            cells.equation(cell(Role.RESPONDENT, ALL, Measure.DECIDED.ordinal()), clauseCells);
        }
        // By characteristic: no total is published (recording one is optional, so no other count is
        // their sum), so a small one needs no secondary suppression.
        counts.characteristicDays.forEach((c, h) -> cells.cell("H|pc:" + c, h.size()));
        List<String> pc = protectedClauses.stream().filter(counts.clauseDays::containsKey).map(c -> "H|" + c).toList();
        cells.cell("H|protected", pc.stream().mapToLong(cells::value).sum());
        if (pc.isEmpty()) {
            cells.structuralZero("H|protected");
        } else {
            cells.equation("H|protected", pc);
        }
    }

    /** den = num + (den - num), for every group and the total, and down the column. */
    private void complement(Role role, String stratum, int num, int den) {
        List<String> nons = new ArrayList<>();
        String total = null;
        for (String g : counts.withAll()) {
            String n = stratum == null ? cell(role, g, num) : cell(role, g, stratum, num);
            String d = stratum == null ? cell(role, g, den) : cell(role, g, stratum, den);
            String c = n + "|non/" + name(den);
            if (cells.cells().contains(c)) {
                return;
            }
            declare(c, role, g, cells.value(d) - cells.value(n));
            cells.equation(d, List.of(n, c));
            if (g.equals(ALL)) {
                total = c;
            } else {
                nons.add(c);
            }
        }
        cells.equation(total, nons);
    }

    Count count(String id) {
        CellSuppression.State st = cells.state(id);
        if (st == null) {
            throw new IllegalStateException("undeclared cell " + id);
        }
        return switch (st) {
            case PUBLISHED -> Count.of(cells.value(id));
            case PRIMARY -> new Count(null, "primary");
            case SECONDARY -> new Count(null, "secondary");
        };
    }

    boolean published(String... ids) {
        for (String id : ids) {
            if (cells.suppressed(id)) {
                return false;
            }
        }
        return true;
    }

    long size() {
        return cells.cells().size();
    }

    long count(CellSuppression.State state) {
        return cells.count(state);
    }
}
