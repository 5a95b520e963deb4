package org.evenhand.audit;

import static org.evenhand.audit.FairnessReport.ALL;
import static org.evenhand.audit.FairnessReport.PREFER_NOT_TO_SAY;
import static org.evenhand.audit.FairnessReport.UNDECLARED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.evenhand.audit.FairnessQueries.Data;
import org.evenhand.audit.FairnessQueries.DaysRow;
import org.evenhand.audit.FairnessQueries.Filter;
import org.evenhand.audit.FairnessQueries.Row;
import org.evenhand.audit.FairnessReport.Assessment;
import org.evenhand.audit.FairnessReport.ClauseTime;
import org.evenhand.audit.FairnessReport.Count;
import org.evenhand.audit.FairnessReport.CounterOutcome;
import org.evenhand.audit.FairnessReport.DefinitionVersionRef;
import org.evenhand.audit.FairnessReport.GroupRate;
import org.evenhand.audit.FairnessReport.GroupTime;
import org.evenhand.audit.FairnessReport.OpenerOutcome;
import org.evenhand.audit.FairnessReport.Population;
import org.evenhand.audit.FairnessReport.RateMetric;
import org.evenhand.audit.FairnessReport.RoleSection;
import org.evenhand.audit.FairnessReport.SanctionRow;
import org.evenhand.audit.FairnessReport.SanctionTable;
import org.evenhand.audit.FairnessReport.Stratified;
import org.evenhand.audit.FairnessReport.StratumRate;
import org.evenhand.audit.FairnessReport.TimeMetric;
import org.evenhand.audit.stats.CellSuppression;
import org.evenhand.audit.stats.Comparison;
import org.evenhand.audit.stats.Histogram;
import org.evenhand.audit.stats.Independence;
import org.evenhand.audit.stats.MantelHaenszel;
import org.evenhand.audit.stats.RankSum;
import org.evenhand.audit.stats.RateRatio;
import org.evenhand.audit.stats.Rules;
import org.evenhand.audit.stats.TwoByTwo;
import org.evenhand.audit.stats.Verdict;
import org.evenhand.definition.DefinitionVersion;

/**
 * Turns the aggregated counts into the report: rates per group and role, comparisons of each
 * faction with the rest (unstratified, within severity tiers, within clauses), the call on each,
 * times, sanctions, the provocation analysis and handling time by clause; then small-cell
 * suppression over everything published, and figures withheld where they would reveal a
 * suppressed count. Pure computation over the query results: no database, no clock.
 */
final class FairnessAnalysis {

    enum Role {
        RESPONDENT("respondent", "R"), COMPLAINANT("complainant", "C");

        final String id;
        final String code;

        Role(String id, String code) {
            this.id = id;
            this.code = code;
        }
    }

    enum Strata {
        NONE, CITED, ENGAGED;

        String code() {
            return this == CITED ? "c" : "e";
        }
    }

    record Settings(Period period, Filter filter, int threshold, Rules rules, int counterWindowDays,
            int conductWindowDays, List<String> factions, List<String> protectedClauses, Instant asOf) {
    }

    static final int M = Measure.values().length;
    static final int KNOWN = M;
    static final int SEVERE = M + 1;
    static final int SANCTIONS = M + 2;
    static final int MEMBERS = -1;

    record MetricDef(String id, String label, String description, int num, int den, Strata strata, Role only,
            String numLabel, String denLabel) {
    }

    static final List<MetricDef> METRICS = List.of(
            new MetricDef("complaints", "Complaints per 1,000 members",
                    "Complaints received in the period involving members of the group in this role, per 1,000 of the"
                            + " group's current members.",
                    Measure.CASES.ordinal(), MEMBERS, Strata.NONE, null, "complaints", "members"),
            new MetricDef("passed-triage", "Passed triage",
                    "Share of triaged complaints found to engage the definition of abuse (in scope).",
                    Measure.PASSED.ordinal(), Measure.TRIAGED.ordinal(), Strata.CITED, null, "in scope", "triaged"),
            new MetricDef("interim-suspension", "Interim suspension",
                    "Share of in-scope complaints in which the respondent was suspended pending the outcome.",
                    Measure.SUSPENDED.ordinal(), Measure.PASSED.ordinal(), Strata.ENGAGED, null, "suspended",
                    "in scope"),
            new MetricDef("upheld", "Upheld", "Share of decided complaints upheld (after any appeal).",
                    Measure.UPHELD.ordinal(), Measure.DECIDED.ordinal(), Strata.ENGAGED, null, "upheld", "decided"),
            new MetricDef("severe-sanction", "Severe sanction",
                    "Share of upheld complaints ending in suspension or referral for expulsion.", SEVERE,
                    Measure.UPHELD.ordinal(), Strata.ENGAGED, null, "severe sanction", "upheld"),
            new MetricDef("appealed", "Appealed", "Share of decided complaints appealed by either party.",
                    Measure.APPEALED.ordinal(), Measure.DECIDED.ordinal(), Strata.ENGAGED, null, "appealed",
                    "decided"),
            new MetricDef("overturned", "Overturned on appeal", "Share of decided appeals that were allowed.",
                    Measure.OVERTURNED.ordinal(), Measure.APPEAL_DECIDED.ordinal(), Strata.ENGAGED, null,
                    "overturned", "appeals decided"),
            new MetricDef("overdue", "Overdue stage",
                    "Share of complaints in which at least one stage passed its target and was escalated.",
                    Measure.OVERDUE.ordinal(), Measure.CASES.ordinal(), Strata.CITED, null, "with an overdue stage",
                    "complaints"),
            new MetricDef("pile-on", "Pile-ons",
                    "Share of complaints about the respondent that several members made about the same post (merged"
                            + " into one case). Volume is never a factor in a decision; this shows who surges target.",
                    Measure.PILE_ON.ordinal(), Measure.CASES.ordinal(), Strata.CITED, Role.RESPONDENT, "pile-ons",
                    "complaints"),
            new MetricDef("opened-exchange", "Respondent had opened the exchange",
                    "Among complaints where triage could tell who started the exchange (complainant or respondent):"
                            + " share where the respondent had.",
                    Measure.OPENED_BY_RESPONDENT.ordinal(), KNOWN, Strata.CITED, Role.RESPONDENT,
                    "respondent opened", "opener known"),
            new MetricDef("opened-exchange", "Complainant had opened the exchange",
                    "Among complaints where triage could tell who started the exchange (complainant or respondent):"
                            + " share where the complainant had, i.e. complained of a reaction to their own opening.",
                    Measure.OPENED_BY_COMPLAINANT.ordinal(), KNOWN, Strata.CITED, Role.COMPLAINANT,
                    "complainant opened", "opener known"),
            new MetricDef("counter-complaint", "Counter-complaints",
                    "Share of complaints made that answered a complaint against the complainant by the same person"
                            + " about the same exchange.",
                    Measure.COUNTER.ordinal(), Measure.CASES.ordinal(), Strata.CITED, Role.COMPLAINANT,
                    "counter-complaints", "complaints"));

    /** Pairs (part, whole) whose difference anyone can work out from a published rate: protected too. */
    static final int[][] PAIRS = {
            { Measure.UPHELD_RESPONDENT_OPENED.ordinal(), Measure.DECIDED_RESPONDENT_OPENED.ordinal() },
            { Measure.UPHELD_COMPLAINANT_OPENED.ordinal(), Measure.DECIDED_COMPLAINANT_OPENED.ordinal() },
            { Measure.COUNTER_UPHELD.ordinal(), Measure.COUNTER_DECIDED.ordinal() },
            { Measure.COUNTERED_UPHELD.ordinal(), Measure.COUNTERED_DECIDED.ordinal() } };

    record Stratum(int tier, String clause) {
    }

    /** Counts for one group in one role: overall, and by tier and lead clause of cited and engaged clauses. */
    final class Acc {
        final long[] all = new long[width];
        final Map<String, long[]> strata = new TreeMap<>();

        void add(long[] v, Stratum cited, Stratum engaged) {
            addTo(all, v);
            addTo(strata.computeIfAbsent("tc" + cited.tier(), k -> new long[width]), v);
            addTo(strata.computeIfAbsent("lc" + cited.clause(), k -> new long[width]), v);
            if (engaged != null) {
                addTo(strata.computeIfAbsent("te" + engaged.tier(), k -> new long[width]), v);
                addTo(strata.computeIfAbsent("le" + engaged.clause(), k -> new long[width]), v);
            }
        }

        long[] stratum(String key) {
            return strata.getOrDefault(key, new long[width]);
        }
    }

    private static void addTo(long[] into, long[] v) {
        for (int i = 0; i < v.length; i++) {
            into[i] += v[i];
        }
    }

    private final Data data;
    private final Settings s;
    private final Map<String, DefinitionVersion> versions;
    private final List<String> sanctions;
    private final Set<String> severe = new LinkedHashSet<>();
    private final Map<String, String> sanctionTitles = new LinkedHashMap<>();
    private final int width;
    private final Map<Integer, Stratum> sets = new TreeMap<>();
    private final List<String> factionGroups;
    private final List<String> groups;
    private final Map<Role, Map<String, Acc>> acc = new LinkedHashMap<>();
    private final Set<Integer> tiersCited = new TreeSet<>();
    private final Set<Integer> tiersEngaged = new TreeSet<>();
    private final Map<String, Long> population = new LinkedHashMap<>();
    private final Map<Role, Map<String, Histogram>> decisionDays = new LinkedHashMap<>();
    private final Map<Role, Map<String, Histogram>> suspensionDays = new LinkedHashMap<>();
    private final Map<String, Histogram> clauseDays = new TreeMap<>();
    private final CellSuppression cells = new CellSuppression();

    FairnessAnalysis(Data data, Settings settings, Map<String, DefinitionVersion> versions) {
        this.data = data;
        this.s = settings;
        this.versions = versions;
        this.sanctions = data.sanctions();
        for (String id : sanctions) {
            versions.values().stream().map(v -> v.sanction(id)).flatMap(java.util.Optional::stream).findFirst()
                    .ifPresent(sanction -> {
                        sanctionTitles.put(id, sanction.title());
                        if (sanction.rung() >= 3) {
                            severe.add(id);
                        }
                    });
        }
        this.width = SANCTIONS + sanctions.size() + 1;
        data.clauseSets().forEach((id, cs) -> sets.put(id, stratum(cs)));
        Set<String> seen = new TreeSet<>();
        for (Row r : data.rows()) {
            seen.add(r.respondentFaction());
            seen.add(r.complainantFaction());
        }
        seen.addAll(data.membersByFaction().keySet());
        List<String> factions = new ArrayList<>(settings.factions());
        seen.stream().filter(f -> !f.isEmpty() && !f.equals(PREFER_NOT_TO_SAY) && !factions.contains(f))
                .forEach(factions::add);
        this.factionGroups = List.copyOf(factions);
        List<String> all = new ArrayList<>(factions);
        all.add(PREFER_NOT_TO_SAY);
        all.add(UNDECLARED);
        this.groups = List.copyOf(all);
        accumulate();
    }

    private Stratum stratum(FairnessQueries.ClauseSet cs) {
        DefinitionVersion v = versions.get(cs.definitionVersion());
        int tier = 0;
        String lead = cs.clauses().isEmpty() ? "(none)" : cs.clauses().get(0);
        if (v != null) {
            for (String c : cs.clauses()) {
                int t = v.clause(c).map(DefinitionVersion.Clause::tier).orElse(0);
                if (t > tier) {
                    tier = t;
                    lead = c;
                }
            }
        }
        return new Stratum(tier, lead);
    }

    private String group(String faction) {
        return faction == null || faction.isEmpty() ? UNDECLARED : faction;
    }

    private long[] vector(Row r) {
        long[] v = new long[width];
        System.arraycopy(r.counts(), 0, v, 0, M);
        v[KNOWN] = r.counts()[Measure.OPENED_BY_COMPLAINANT.ordinal()] + r.counts()[Measure.OPENED_BY_RESPONDENT.ordinal()];
        v[SEVERE] = r.counts()[Measure.SEVERE_SANCTION.ordinal()];
        return v;
    }

    /**
     * Sanctions by group come with the decision-day histograms (by the parties' factions); those on
     * no current ladder are the decided cases left over.
     */
    private void sanctionCounts() {
        for (DaysRow d : data.decisionDays()) {
            if (d.sanctions() == null) {
                continue;
            }
            for (Role role : Role.values()) {
                boolean in = role == Role.RESPONDENT ? d.inRespondentScope() : d.inComplainantScope();
                if (!in) {
                    continue;
                }
                String g = group(role == Role.RESPONDENT ? d.respondentFaction() : d.complainantFaction());
                for (Acc a : List.of(acc.get(role).get(g), acc.get(role).get(ALL))) {
                    for (int i = 0; i < sanctions.size(); i++) {
                        a.all[SANCTIONS + i] += d.sanctions()[i];
                    }
                }
            }
        }
        for (Map<String, Acc> byGroup : acc.values()) {
            for (Acc a : byGroup.values()) {
                long other = a.all[Measure.DECIDED.ordinal()];
                for (int i = 0; i < sanctions.size(); i++) {
                    other -= a.all[SANCTIONS + i];
                }
                a.all[SANCTIONS + sanctions.size()] = other;
            }
        }
    }

    private void accumulate() {
        for (Role role : Role.values()) {
            Map<String, Acc> m = new LinkedHashMap<>();
            groups.forEach(g -> m.put(g, new Acc()));
            m.put(ALL, new Acc());
            acc.put(role, m);
            decisionDays.put(role, new LinkedHashMap<>());
            suspensionDays.put(role, new LinkedHashMap<>());
        }
        for (Row r : data.rows()) {
            long[] v = vector(r);
            Stratum cited = sets.getOrDefault(r.citedSet(), new Stratum(0, "(unknown)"));
            Stratum engaged = r.engagedSet() == null ? null : sets.getOrDefault(r.engagedSet(), new Stratum(0, "(unknown)"));
            tiersCited.add(cited.tier());
            if (engaged != null) {
                tiersEngaged.add(engaged.tier());
            }
            if (r.inRespondentScope()) {
                acc.get(Role.RESPONDENT).get(group(r.respondentFaction())).add(v, cited, engaged);
                acc.get(Role.RESPONDENT).get(ALL).add(v, cited, engaged);
            }
            if (r.inComplainantScope()) {
                acc.get(Role.COMPLAINANT).get(group(r.complainantFaction())).add(v, cited, engaged);
                acc.get(Role.COMPLAINANT).get(ALL).add(v, cited, engaged);
            }
        }
        sanctionCounts();
        histograms(data.decisionDays(), decisionDays, true);
        histograms(data.suspensionDays(), suspensionDays, false);
        long declared = 0;
        for (String g : groups) {
            if (!g.equals(UNDECLARED)) {
                long n = data.membersByFaction().getOrDefault(g, 0L);
                population.put(g, n);
                declared += n;
            }
        }
        population.put(UNDECLARED, Math.max(0, data.members() - declared));
        population.put(ALL, data.members());
    }

    /**
     * Histograms come by both parties' factions (clause set 0), and, for decision days, also by
     * clauses engaged (factions "-").
     */
    private void histograms(List<DaysRow> rows, Map<Role, Map<String, Histogram>> into, boolean decisions) {
        for (DaysRow d : rows) {
            boolean byFaction = d.engagedSet() == 0;
            if (byFaction && d.inRespondentScope()) {
                add(into.get(Role.RESPONDENT), group(d.respondentFaction()), d);
            }
            if (byFaction && d.inComplainantScope()) {
                add(into.get(Role.COMPLAINANT), group(d.complainantFaction()), d);
            }
            if (decisions && !byFaction && d.inRespondentScope()) {
                Stratum st = sets.getOrDefault(d.engagedSet(), new Stratum(0, "(unknown)"));
                clauseDays.computeIfAbsent(st.clause(), k -> new Histogram()).add(d.days(), d.cases());
            }
        }
    }

    private static void add(Map<String, Histogram> m, String g, DaysRow d) {
        m.computeIfAbsent(g, k -> new Histogram()).add(d.days(), d.cases());
        m.computeIfAbsent(ALL, k -> new Histogram()).add(d.days(), d.cases());
    }

    // ---------------------------------------------------------------------------------------
    // Cells and suppression

    private String name(int idx) {
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
        return "sanction:" + (k < sanctions.size() ? sanctions.get(k) : "other");
    }

    String cell(Role role, String group, int idx) {
        return idx == MEMBERS ? "P|" + group : role.code + "|" + group + "|" + name(idx);
    }

    String cell(Role role, String group, String stratum, int idx) {
        return role.code + "|" + group + "|" + stratum + "|" + name(idx);
    }

    private static String non(String num) {
        return num + "|non";
    }

    private List<MetricDef> metrics(Role role) {
        return METRICS.stream().filter(m -> m.only() == null || m.only() == role).toList();
    }

    private Set<Integer> publishedMeasures(Role role) {
        Set<Integer> idx = new TreeSet<>();
        for (MetricDef m : metrics(role)) {
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
        for (int i = 0; i <= sanctions.size(); i++) {
            idx.add(SANCTIONS + i);
        }
        return idx;
    }

    private List<String> withAll() {
        List<String> g = new ArrayList<>(groups);
        g.add(ALL);
        return g;
    }

    private long value(Role role, String group, int idx) {
        return idx == MEMBERS ? population.get(group) : acc.get(role).get(group).all[idx];
    }

    private Set<Integer> tiers(Strata st) {
        return st == Strata.CITED ? tiersCited : tiersEngaged;
    }

    private void declareCells() {
        for (String g : withAll()) {
            cells.cell("P|" + g, population.get(g));
        }
        cells.equation("P|" + ALL, groups.stream().map(g -> "P|" + g).toList());
        for (Role role : Role.values()) {
            Set<Integer> measures = publishedMeasures(role);
            for (int idx : measures) {
                for (String g : withAll()) {
                    cells.cell(cell(role, g, idx), value(role, g, idx));
                }
                cells.equation(cell(role, ALL, idx), groups.stream().map(g -> cell(role, g, idx)).toList());
                // The same cases in both roles (always, without a filter): the totals are one count.
                if (role == Role.COMPLAINANT && publishedMeasures(Role.RESPONDENT).contains(idx)
                        && value(role, ALL, idx) == value(Role.RESPONDENT, ALL, idx)) {
                    cells.equation(cell(role, ALL, idx), List.of(cell(Role.RESPONDENT, ALL, idx)));
                }
            }
            for (String g : withAll()) {
                cells.equation(cell(role, g, KNOWN), List.of(cell(role, g, Measure.OPENED_BY_COMPLAINANT.ordinal()),
                        cell(role, g, Measure.OPENED_BY_RESPONDENT.ordinal())));
                List<String> all = new ArrayList<>();
                List<String> sev = new ArrayList<>();
                for (int i = 0; i <= sanctions.size(); i++) {
                    all.add(cell(role, g, SANCTIONS + i));
                    if (i < sanctions.size() && severe.contains(sanctions.get(i))) {
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
            Set<String> stratumCells = new LinkedHashSet<>();
            for (MetricDef m : metrics(role)) {
                if (m.den() != MEMBERS) {
                    complement(role, null, m.num(), m.den());
                }
                if (m.strata() != Strata.NONE) {
                    for (int t : tiers(m.strata())) {
                        String key = "t" + m.strata().code() + t;
                        for (int idx : new int[] { m.num(), m.den() }) {
                            if (stratumCells.add(key + "/" + idx)) {
                                for (String g : withAll()) {
                                    cells.cell(cell(role, g, key, idx), acc.get(role).get(g).stratum(key)[idx]);
                                }
                                cells.equation(cell(role, ALL, key, idx),
                                        groups.stream().map(g -> cell(role, g, key, idx)).toList());
                            }
                        }
                        complement(role, key, m.num(), m.den());
                    }
                    for (int idx : new int[] { m.num(), m.den() }) {
                        if (stratumCells.add(m.strata() + "/" + idx)) {
                            for (String g : withAll()) {
                                cells.equation(cell(role, g, idx), tiers(m.strata()).stream()
                                        .map(t -> cell(role, g, "t" + m.strata().code() + t, idx)).toList());
                            }
                        }
                    }
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
        List<String> clauseCells = new ArrayList<>();
        clauseDays.forEach((clause, h) -> {
            cells.cell("H|" + clause, h.size());
            clauseCells.add("H|" + clause);
        });
        if (!clauseCells.isEmpty()) {
            cells.equation(cell(Role.RESPONDENT, ALL, Measure.DECIDED.ordinal()), clauseCells);
        }
        List<String> pc = s.protectedClauses().stream().filter(clauseDays::containsKey).map(c -> "H|" + c).toList();
        cells.cell("H|protected", pc.stream().mapToLong(cells::value).sum());
        if (!pc.isEmpty()) {
            cells.equation("H|protected", pc);
        }
    }

    /** den = num + (den - num), for every group and the total, and down the column. */
    private void complement(Role role, String stratum, int num, int den) {
        List<String> nons = new ArrayList<>();
        for (String g : withAll()) {
            String n = stratum == null ? cell(role, g, num) : cell(role, g, stratum, num);
            String d = stratum == null ? cell(role, g, den) : cell(role, g, stratum, den);
            String c = non(n) + "/" + name(den);
            cells.cell(c, cells.value(d) - cells.value(n));
            cells.equation(d, List.of(n, c));
            if (!g.equals(ALL)) {
                nons.add(c);
            }
        }
        String total = non(stratum == null ? cell(role, ALL, num) : cell(role, ALL, stratum, num)) + "/" + name(den);
        cells.equation(total, nons);
    }

    private Count count(String id) {
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

    private boolean published(String... ids) {
        for (String id : ids) {
            if (cells.suppressed(id)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------
    // The report

    /** Within-tier comparisons, adjusted together for their number (Benjamini-Hochberg). */
    private final Map<String, Comparison> tierComparisons = new LinkedHashMap<>();

    private static String tierKey(Role role, MetricDef m, String g, int t) {
        return role.id + "|" + m.id() + "|" + g + "|" + t;
    }

    private void compareWithinTiers() {
        Map<String, Comparison> raw = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            for (MetricDef m : metrics(role)) {
                if (m.strata() == Strata.NONE) {
                    continue;
                }
                for (String g : factionGroups) {
                    for (int t : tiers(m.strata())) {
                        String key = "t" + m.strata().code() + t;
                        long a = acc.get(role).get(g).stratum(key)[m.num()];
                        long n1 = acc.get(role).get(g).stratum(key)[m.den()];
                        long c = acc.get(role).get(ALL).stratum(key)[m.num()] - a;
                        long n0 = acc.get(role).get(ALL).stratum(key)[m.den()] - n1;
                        raw.put(tierKey(role, m, g, t), TwoByTwo.compare(a, n1, c, n0, s.rules()));
                    }
                }
            }
        }
        List<String> tested = raw.entrySet().stream().filter(e -> e.getValue().pValue() != null).map(Map.Entry::getKey)
                .toList();
        double[] adjusted = org.evenhand.audit.stats.FalseDiscovery.adjust(
                tested.stream().mapToDouble(k -> raw.get(k).pValue()).toArray());
        tierComparisons.putAll(raw);
        for (int i = 0; i < tested.size(); i++) {
            tierComparisons.put(tested.get(i), raw.get(tested.get(i)).adjusted(adjusted[i], s.rules().alpha(),
                    tested.size() + " within-tier comparisons in this report"));
        }
    }

    FairnessReport build(Instant generatedAt, String generatedBy) {
        declareCells();
        cells.apply(s.threshold());
        compareWithinTiers();
        List<String> findings = new ArrayList<>();
        List<RoleSection> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            roles.add(role(role, findings));
        }
        List<Population> pop = withAll().stream().map(g -> new Population(g, count("P|" + g))).toList();
        long analysed = acc.get(Role.RESPONDENT).get(ALL).all[Measure.CASES.ordinal()];
        long flagged = findings.size();
        findings.add(0, summary(roles, flagged));
        return new FairnessReport("Fairness audit: complaints handling by faction, " + s.period(),
                parameters(), generatedAt, generatedBy, definitionVersions(), data.sha256(),
                count(cell(Role.RESPONDENT, ALL, Measure.CASES.ordinal())), findings, pop, roles, provocation(),
                handlingTime(), new FairnessReport.Disclosure(s.threshold(), cells.cells().size(),
                        cells.count(CellSuppression.State.PRIMARY), cells.count(CellSuppression.State.SECONDARY),
                        "Counts under " + s.threshold() + " (including zero) are suppressed; further counts are"
                                + " suppressed wherever a total, a difference or another table would let a suppressed"
                                + " count be worked out. Rates, ratios and tests that would reveal a suppressed count"
                                + " are withheld; the call (flagged or not) is still given."),
                method(analysed));
    }

    private FairnessReport.Parameters parameters() {
        return new FairnessReport.Parameters(s.period().from(), s.period().to(), "Europe/London",
                s.filter().region(), s.filter().clp(), s.threshold(), s.rules().minimumGroupSize(),
                s.rules().bandLower(), s.rules().bandUpper(), s.rules().confidence(), s.counterWindowDays(),
                s.conductWindowDays(), s.factions(), s.protectedClauses(), s.asOf());
    }

    private List<DefinitionVersionRef> definitionVersions() {
        List<FairnessQueries.VersionRow> vs = data.versions();
        List<DefinitionVersionRef> out = new ArrayList<>();
        for (int i = 0; i < vs.size(); i++) {
            FairnessQueries.VersionRow v = vs.get(i);
            java.time.LocalDate until = i + 1 < vs.size() ? vs.get(i + 1).effectiveFrom() : null;
            boolean inForce = !v.effectiveFrom().isAfter(s.period().to())
                    && (until == null || until.isAfter(s.period().from()));
            out.add(new DefinitionVersionRef(v.id(), v.effectiveFrom(), v.sha256(), inForce));
        }
        return out;
    }

    private String summary(List<RoleSection> roles, long flagged) {
        int n = 0;
        int insufficient = 0;
        for (RoleSection r : roles) {
            for (RateMetric m : r.rates()) {
                for (GroupRate g : m.groups()) {
                    if (g.assessment() != null) {
                        n++;
                        insufficient += g.assessment().verdict() == Verdict.INSUFFICIENT_EVIDENCE ? 1 : 0;
                    }
                }
            }
        }
        return flagged + " of " + n + " comparisons of a faction with the rest are flagged; " + insufficient
                + " have too little data to tell (insufficient evidence, which is not the same as fair treatment);"
                + " the rest show no material disparity once case mix is taken into account.";
    }

    private RoleSection role(Role role, List<String> findings) {
        List<RateMetric> rates = new ArrayList<>();
        for (MetricDef m : metrics(role)) {
            rates.add(rate(role, m, findings));
        }
        List<TimeMetric> times = List.of(
                time(role, "decision-days", "Days from receipt to the panel's decision",
                        "Whole days from receipt to the first panel decision, for complaints decided so far.",
                        decisionDays.get(role), Measure.DECIDED.ordinal()),
                time(role, "suspension-days", "Length of interim suspension (days)",
                        "Whole days from imposition to lifting, or to when the report was made if still in force.",
                        suspensionDays.get(role), Measure.SUSPENDED.ordinal()));
        String description = role == Role.RESPONDENT
                ? "Members complained about, by their own declared faction."
                : "Members who complained, by their own declared faction.";
        return new RoleSection(role.id, description, rates, times, sanctions(role));
    }

    private RateMetric rate(Role role, MetricDef m, List<String> findings) {
        List<GroupRate> rows = new ArrayList<>();
        long[][] table = new long[factionGroups.size()][2];
        boolean tablePublished = true;
        for (int i = 0; i < factionGroups.size(); i++) {
            String g = factionGroups.get(i);
            long num = value(role, g, m.num());
            long den = value(role, g, m.den());
            table[i][0] = num;
            table[i][1] = m.den() == MEMBERS ? den : den - num;
            tablePublished &= published(cell(role, g, m.num()), cell(role, g, m.den()));
        }
        Independence across = m.den() == MEMBERS ? null : Independence.test(table, s.rules());
        if (across != null && !tablePublished) {
            across = new Independence(across.groups(), null, across.degreesOfFreedom(), null, null, across.verdict(),
                    across.reason() + " (statistic withheld: the table has suppressed cells)");
        }
        for (String g : withAll()) {
            rows.add(groupRate(role, m, g, findings));
        }
        return new RateMetric(m.id(), m.label(), m.description(), m.numLabel(), m.denLabel(),
                m.strata() == Strata.NONE ? null : (m.strata() == Strata.CITED ? "clauses cited" : "clauses engaged"),
                rows, across);
    }

    private GroupRate groupRate(Role role, MetricDef m, String g, List<String> findings) {
        String numCell = cell(role, g, m.num());
        String denCell = cell(role, g, m.den());
        Count num = count(numCell);
        Count den = count(denCell);
        double scale = m.den() == MEMBERS ? 1000 : 1;
        Double rate = num.published() && den.published() && den.value() > 0 ? scale * num.value() / den.value() : null;
        boolean compared = factionGroups.contains(g);
        List<StratumRate> tiers = null;
        if (m.strata() != Strata.NONE) {
            tiers = new ArrayList<>();
            for (int t : tiers(m.strata())) {
                tiers.add(stratumRate(role, m, g, t, compared));
            }
        }
        if (!compared) {
            return new GroupRate(g, num, den, rate, null, null, null, tiers, null);
        }
        long a = value(role, g, m.num());
        long n1 = value(role, g, m.den());
        long c = value(role, ALL, m.num()) - a;
        long n0 = value(role, ALL, m.den()) - n1;
        Comparison crude = m.den() == MEMBERS ? RateRatio.compare(a, n1, c, n0, s.rules())
                : TwoByTwo.compare(a, n1, c, n0, s.rules());
        boolean figures = published(numCell, denCell, cell(role, ALL, m.num()), cell(role, ALL, m.den()));
        Stratified byTier = null;
        Stratified byClause = null;
        if (m.strata() != Strata.NONE) {
            byTier = stratified(role, m, g, "t" + m.strata().code(), figures && tierCellsPublished(role, m, g));
            byClause = stratified(role, m, g, "l" + m.strata().code(), figures);
        }
        Assessment assessment = assess(role, m, g, crude, byTier, tiers);
        if (assessment.verdict() == Verdict.FLAGGED) {
            findings.add(m.label() + " (" + role.id + "s, " + g + "): " + assessment.explanation());
        } else if (crude.verdict() == Verdict.FLAGGED) {
            findings.add(m.label() + " (" + role.id + "s, " + g + "): not flagged after allowing for case mix. "
                    + assessment.explanation());
        }
        return new GroupRate(g, num, den, rate, figures ? crude : crude.withheld(), byTier, byClause, tiers,
                assessment);
    }

    private boolean tierCellsPublished(Role role, MetricDef m, String g) {
        for (int t : tiers(m.strata())) {
            String key = "t" + m.strata().code() + t;
            if (!published(cell(role, g, key, m.num()), cell(role, g, key, m.den()), cell(role, ALL, key, m.num()),
                    cell(role, ALL, key, m.den()))) {
                return false;
            }
        }
        return true;
    }

    private StratumRate stratumRate(Role role, MetricDef m, String g, int t, boolean compared) {
        String key = "t" + m.strata().code() + t;
        String numCell = cell(role, g, key, m.num());
        String denCell = cell(role, g, key, m.den());
        Count num = count(numCell);
        Count den = count(denCell);
        Double rate = num.published() && den.published() && den.value() > 0 ? (double) num.value() / den.value() : null;
        Comparison cmp = null;
        if (compared) {
            cmp = tierComparisons.get(tierKey(role, m, g, t));
            if (!published(numCell, denCell, cell(role, ALL, key, m.num()), cell(role, ALL, key, m.den()))) {
                cmp = cmp.withheld();
            }
        }
        return new StratumRate(t, num, den, rate, cmp);
    }

    private Stratified stratified(Role role, MetricDef m, String g, String prefix, boolean figures) {
        List<long[]> strata = new ArrayList<>();
        long n1 = 0;
        long n0 = 0;
        for (String key : acc.get(role).get(ALL).strata.keySet()) {
            if (!key.startsWith(prefix)) {
                continue;
            }
            long a = acc.get(role).get(g).stratum(key)[m.num()];
            long d1 = acc.get(role).get(g).stratum(key)[m.den()];
            long c = acc.get(role).get(ALL).stratum(key)[m.num()] - a;
            long d0 = acc.get(role).get(ALL).stratum(key)[m.den()] - d1;
            strata.add(new long[] { a, d1, c, d0 });
            n1 += d1;
            n0 += d0;
        }
        String by = prefix.startsWith("t") ? "severity tier" : "clause";
        if (n1 < s.rules().minimumGroupSize() || n0 < s.rules().minimumGroupSize()) {
            return new Stratified(null, null, null, null, null, null, null, null, null, null, null, null, null,
                    Verdict.INSUFFICIENT_EVIDENCE, "fewer than " + s.rules().minimumGroupSize()
                            + " cases on one side");
        }
        MantelHaenszel.Result r = MantelHaenszel.analyse(strata, s.rules().z());
        Verdict verdict;
        String reason;
        Boolean heterogeneous = r.breslowDayP() == null ? null : r.breslowDayP() < s.rules().alpha();
        if (r.riskRatio() == null) {
            verdict = Verdict.INSUFFICIENT_EVIDENCE;
            reason = "no stratum has the outcome on both sides, so no common ratio can be estimated";
        } else {
            Rules.Call call = s.rules().call(r.riskRatio(), r.rrLower(), r.rrUpper());
            verdict = call.verdict();
            reason = "within " + by + ": " + call.reason();
            if (Boolean.TRUE.equals(heterogeneous)) {
                reason += "; the disparity is not the same in every " + by + " (Breslow-Day test)";
            }
        }
        if (!figures) {
            return new Stratified(r.strata(), null, null, null, null, null, null, null, null, null, null, null,
                    heterogeneous, verdict, reason + " (figures withheld: small numbers)");
        }
        return new Stratified(r.strata(), r.riskRatio(), r.rrLower(), r.rrUpper(), r.oddsRatio(), r.orLower(),
                r.orUpper(), r.cmh(), r.cmhP(), r.breslowDay(), r.breslowDayDf(), r.breslowDayP(), heterogeneous,
                verdict, reason);
    }

    /**
     * The overall call, allowing for case mix. Flagged when the comparison within severity tiers
     * (Mantel-Haenszel) is flagged, or when the disparity differs between tiers (Breslow-Day) and a
     * tier's own comparison, at its Bonferroni-adjusted level, is flagged. A raw disparity that
     * disappears within tiers is not flagged and is explained as case mix (Simpson's paradox).
     */
    private Assessment assess(Role role, MetricDef m, String g, Comparison crude, Stratified byTier,
            List<StratumRate> tiers) {
        String who = g + " " + role.id + "s";
        if (byTier == null) {
            return new Assessment(crude.verdict(), capital(sentence(m, who, crude)));
        }
        boolean heterogeneous = Boolean.TRUE.equals(byTier.heterogeneous());
        List<StratumRate> flaggedTiers = heterogeneous ? tiers.stream().filter(t -> t.comparison() != null
                && t.comparison().verdict() == Verdict.FLAGGED).toList() : List.of();
        if (byTier.verdict() == Verdict.FLAGGED) {
            StringBuilder b = new StringBuilder("Allowing for severity tier, ").append(who).append(" differ from the rest: ")
                    .append(stratifiedSentence(m, who, byTier)).append('.');
            if (!flaggedTiers.isEmpty()) {
                b.append(" Most marked within tier ").append(flaggedTiers.get(0).tier()).append(": ")
                        .append(sentence(m, who, flaggedTiers.get(0).comparison()));
            }
            if (crude.verdict() != Verdict.FLAGGED) {
                b.append(" The raw figures do not show this: case mix hides it.");
            }
            return new Assessment(Verdict.FLAGGED, b.toString());
        }
        if (!flaggedTiers.isEmpty()) {
            StratumRate t = flaggedTiers.get(0);
            StringBuilder b = new StringBuilder("Within tier ").append(t.tier()).append(", ")
                    .append(sentence(m, who, t.comparison()));
            if (flaggedTiers.size() > 1) {
                b.append(" Also within tier(s) ").append(flaggedTiers.stream().skip(1).map(StratumRate::tier).toList())
                        .append('.');
            }
            b.append(" The disparity is not the same in every tier (Breslow-Day test").append(byTier.breslowDayPValue()
                    == null ? "" : ", p " + pEq(byTier.breslowDayPValue())).append("): it is concentrated there, and"
                    + " diluted in the figures for all tiers together.");
            return new Assessment(Verdict.FLAGGED, b.toString());
        }
        if (crude.verdict() == Verdict.FLAGGED && byTier.verdict() == Verdict.NOT_FLAGGED) {
            return new Assessment(Verdict.NOT_FLAGGED, "Raw figures: " + sentence(m, who, crude) + " But within each"
                    + " severity tier the rates are alike (" + stratifiedSentence(m, who, byTier) + ")."
                    + caseMix(role, m, g, crude) + " The raw difference comes from case mix, not from how like"
                    + " cases are treated: Simpson's paradox. The comparison within tiers is the fair one.");
        }
        if (crude.verdict() == Verdict.FLAGGED) {
            return new Assessment(Verdict.INSUFFICIENT_EVIDENCE, "Raw figures: " + sentence(m, who, crude)
                    + " Within severity tiers there is too little data to tell whether this is case mix ("
                    + byTier.reason() + ").");
        }
        Verdict v = Verdict.worst(crude.verdict(), byTier.verdict());
        if (v == Verdict.INSUFFICIENT_EVIDENCE) {
            String why = crude.verdict() == Verdict.INSUFFICIENT_EVIDENCE ? crude.reason() : byTier.reason();
            return new Assessment(v, "Insufficient evidence for " + who + ": " + why + ".");
        }
        return new Assessment(v, "No material disparity for " + who + ": " + crude.reason() + "; "
                + byTier.reason() + ".");
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String sentence(MetricDef m, String who, Comparison c) {
        if (c.ratio() == null) {
            return "for " + who + ", " + m.label().toLowerCase(Locale.UK) + ": " + c.reason() + ".";
        }
        return "for " + who + ", " + m.label().toLowerCase(Locale.UK) + " is " + ratio(c.ratio()) + " times the rest's ("
                + s.rules().percent() + " interval " + ratio(c.ciLower()) + "-" + ratio(c.ciUpper()) + ", " + c.test()
                + " p " + pEq(c.pValue()) + "): " + c.reason() + ".";
    }

    private String stratifiedSentence(MetricDef m, String who, Stratified st) {
        if (st.riskRatio() == null) {
            return st.reason();
        }
        return "Mantel-Haenszel ratio " + ratio(st.riskRatio()) + ", " + s.rules().percent() + " interval "
                + ratio(st.ciLower()) + "-" + ratio(st.ciUpper()) + ", CMH p " + pEq(st.cmhPValue()) + "; "
                + st.reason();
    }

    /** Which tier the group's cases crowd into, where the outcome is more (or less) common for everyone. */
    private String caseMix(Role role, MetricDef m, String g, Comparison crude) {
        Acc group = acc.get(role).get(g);
        Acc all = acc.get(role).get(ALL);
        double n1 = group.all[m.den()];
        double n = all.all[m.den()];
        double overall = n == 0 ? 0 : all.all[m.num()] / n;
        boolean higher = crude.ratio() != null ? crude.ratio() > 1
                : value(role, g, m.num()) * n > all.all[m.num()] * n1;
        String best = null;
        double bestScore = 0;
        for (int t : tiers(m.strata())) {
            String key = "t" + m.strata().code() + t;
            double share = n1 == 0 ? 0 : group.stratum(key)[m.den()] / n1;
            double rest = (n - n1) == 0 ? 0 : (all.stratum(key)[m.den()] - group.stratum(key)[m.den()]) / (n - n1);
            double tierN = all.stratum(key)[m.den()];
            double tierRate = tierN == 0 ? 0 : all.stratum(key)[m.num()] / tierN;
            double score = (share - rest) * (higher ? tierRate - overall : overall - tierRate);
            if (score > bestScore && published(cell(role, g, key, m.den()), cell(role, ALL, key, m.den()),
                    cell(role, ALL, key, m.num()), cell(role, g, m.den()), cell(role, ALL, m.den()),
                    cell(role, ALL, m.num()))) {
                bestScore = score;
                best = " Their complaints are more often in tier " + t + " (" + pct(share) + " of theirs, "
                        + pct(rest) + " of the rest's), where the rate is " + (higher ? "higher" : "lower")
                        + " for everyone (" + pct(tierRate) + ", against " + pct(overall) + " overall).";
            }
        }
        return best == null ? " Their complaints are spread across the tiers differently from the rest's." : best;
    }

    private TimeMetric time(Role role, String id, String label, String description, Map<String, Histogram> hists,
            int countIdx) {
        List<GroupTime> rows = new ArrayList<>();
        Histogram all = hists.getOrDefault(ALL, new Histogram());
        for (String g : withAll()) {
            Histogram h = hists.getOrDefault(g, new Histogram());
            String cellId = cell(role, g, countIdx);
            Count n = count(cellId);
            if (!n.published()) {
                rows.add(new GroupTime(g, n, null, null, null, null, null,
                        factionGroups.contains(g) ? Verdict.INSUFFICIENT_EVIDENCE : null,
                        factionGroups.contains(g) ? "too few cases to publish" : null));
                continue;
            }
            Double median = h.size() == 0 ? null : h.quantile(0.5);
            Double p90 = h.size() == 0 ? null : h.quantile(0.9);
            if (!factionGroups.contains(g)) {
                rows.add(new GroupTime(g, n, median, p90, null, null, null, null, null));
                continue;
            }
            TimeCall call = timeCall(h, all.minus(h));
            rows.add(new GroupTime(g, n, median, p90, call.ratio(), call.superiority(), call.p(), call.verdict(),
                    call.reason()));
        }
        return new TimeMetric(id, label, description, rows);
    }

    record TimeCall(Double ratio, Double superiority, Double p, Verdict verdict, String reason) {
    }

    /** Median ratio with the rank-sum test: flagged outside the band when the test rejects equal distributions. */
    TimeCall timeCall(Histogram group, Histogram rest) {
        int min = s.rules().minimumGroupSize();
        if (group.size() < min || rest.size() < min) {
            return new TimeCall(null, null, null, Verdict.INSUFFICIENT_EVIDENCE,
                    "fewer than " + min + " cases on one side");
        }
        double mg = group.quantile(0.5);
        double mr = rest.quantile(0.5);
        RankSum r = RankSum.test(group, rest);
        if (mr <= 0) {
            return new TimeCall(null, r.superiority(), r.pValue(), Verdict.INSUFFICIENT_EVIDENCE,
                    "the rest's median is zero days");
        }
        double ratio = mg / mr;
        boolean significant = r.pValue() < s.rules().alpha();
        if (s.rules().outsideBand(ratio) && significant) {
            return new TimeCall(ratio, r.superiority(), r.pValue(), Verdict.FLAGGED, (ratio > 1 ? "slower" : "faster")
                    + ": median " + ratio(ratio) + " times the rest's, and the rank-sum test rejects equal times");
        }
        if (s.rules().outsideBand(ratio)) {
            return new TimeCall(ratio, r.superiority(), r.pValue(), Verdict.INSUFFICIENT_EVIDENCE,
                    "the medians differ by more than the band, but not significantly");
        }
        return new TimeCall(ratio, r.superiority(), r.pValue(), Verdict.NOT_FLAGGED,
                "median within " + s.rules().bandLower() + "-" + s.rules().bandUpper() + " of the rest's");
    }

    private SanctionTable sanctions(Role role) {
        List<String> ids = new ArrayList<>(sanctions);
        ids.add("other");
        List<String> titles = new ArrayList<>();
        sanctions.forEach(id -> titles.add(sanctionTitles.getOrDefault(id, id)));
        titles.add("Other (not on the current ladders)");
        List<SanctionRow> rows = new ArrayList<>();
        long[][] table = new long[factionGroups.size()][ids.size()];
        boolean allPublished = true;
        for (String g : withAll()) {
            List<Count> counts = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = cell(role, g, SANCTIONS + i);
                counts.add(count(id));
                int fi = factionGroups.indexOf(g);
                if (fi >= 0) {
                    table[fi][i] = cells.value(id);
                    allPublished &= published(id);
                }
            }
            rows.add(new SanctionRow(g, count(cell(role, g, Measure.DECIDED.ordinal())), counts));
        }
        Independence across = Independence.test(table, s.rules());
        if (!allPublished) {
            across = new Independence(across.groups(), null, across.degreesOfFreedom(), null, null, across.verdict(),
                    across.reason() + " (statistic withheld: the table has suppressed cells)");
        }
        return new SanctionTable(ids, titles, rows, across);
    }

    private FairnessReport.Provocation provocation() {
        List<OpenerOutcome> openers = new ArrayList<>();
        Role r = Role.RESPONDENT;
        int fmD = Measure.DECIDED_RESPONDENT_OPENED.ordinal();
        int fmU = Measure.UPHELD_RESPONDENT_OPENED.ordinal();
        int reD = Measure.DECIDED_COMPLAINANT_OPENED.ordinal();
        int reU = Measure.UPHELD_COMPLAINANT_OPENED.ordinal();
        for (String g : withAll()) {
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
        for (String g : withAll()) {
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

    private FairnessReport.HandlingTime handlingTime() {
        List<ClauseTime> rows = new ArrayList<>();
        Histogram all = new Histogram();
        clauseDays.values().forEach(all::addAll);
        Function<String, String> title = clause -> versions.values().stream().map(v -> v.clause(clause))
                .flatMap(java.util.Optional::stream).map(DefinitionVersion.Clause::title).reduce((a, b) -> b)
                .orElse(clause);
        Function<String, Integer> tier = clause -> versions.values().stream().map(v -> v.clause(clause))
                .flatMap(java.util.Optional::stream).map(DefinitionVersion.Clause::tier).reduce((a, b) -> b)
                .orElse(null);
        clauseDays.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder())).forEach(e -> rows
                .add(clauseTime(e.getKey(), title.apply(e.getKey()), tier.apply(e.getKey()), "H|" + e.getKey(),
                        e.getValue(), all.minus(e.getValue()))));
        Histogram pc = new Histogram();
        s.protectedClauses().stream().filter(clauseDays::containsKey).forEach(cl -> pc.addAll(clauseDays.get(cl)));
        ClauseTime protectedRow = clauseTime(String.join(",", s.protectedClauses()),
                "Clauses about protected characteristics", null, "H|protected", pc, all.minus(pc));
        return new FairnessReport.HandlingTime("Days from receipt to the panel's decision by lead clause (the gravest"
                + " clause engaged at triage), each against all other clauses. The definition records which clause"
                + " was engaged, not which protected characteristic was involved, so the protected-characteristic"
                + " comparison is of the clauses configured as such (" + String.join(", ", s.protectedClauses())
                + ") against the rest.", rows, protectedRow);
    }

    private ClauseTime clauseTime(String clause, String title, Integer tier, String cellId, Histogram h,
            Histogram rest) {
        Count n = count(cellId);
        if (!n.published() || h.size() == 0) {
            return new ClauseTime(clause, title, tier, n, null, null, null, null, Verdict.INSUFFICIENT_EVIDENCE,
                    n.published() ? "no decided complaints" : "too few cases to publish");
        }
        TimeCall call = timeCall(h, rest);
        return new ClauseTime(clause, title, tier, n, h.quantile(0.5), h.quantile(0.9), call.ratio(), call.p(),
                call.verdict(), call.reason());
    }

    private List<String> method(long analysed) {
        return List.of(
                "Cases: complaints received from " + s.period().from() + " to " + s.period().to()
                        + " (UK time), with their outcomes as known when the report was made; later reports of the"
                        + " same period will include complaints decided since.",
                "Factions: as declared by members, with consent, at the time the report was made; members who"
                        + " withdrew a declaration are counted as undeclared. Each faction is compared with everyone"
                        + " else (all other factions, prefer-not-to-say and undeclared).",
                "Disparity ratio: the faction's rate over the rest's, with a " + s.rules().percent()
                        + " confidence interval (Katz log method for shares; Poisson for complaints per member)."
                        + " Flagged only when the ratio is outside " + s.rules().bandLower() + "-"
                        + s.rules().bandUpper() + " and the interval excludes 1.",
                "Tests: Fisher's exact test when an expected count is under 5, otherwise Pearson's chi-squared;"
                        + " chi-squared across all factions; exact binomial test for complaints per member"
                        + " (Apache Commons Statistics).",
                "Case mix: the same comparison within severity tiers and within clauses (Cochran-Mantel-Haenszel"
                        + " test, Mantel-Haenszel common risk and odds ratios, Breslow-Day test of homogeneity).",
                "Too little data (under " + s.rules().minimumGroupSize() + " cases on a side, under 5 with or"
                        + " without the outcome, or an interval too wide to tell) is reported as insufficient"
                        + " evidence, never as fair treatment.",
                "Within each severity tier, a faction's comparison is flagged only if it survives the"
                        + " Benjamini-Hochberg adjustment for the number of within-tier comparisons in the report"
                        + " (false discovery rate " + s.rules().alpha() + "), and counts towards the call only"
                        + " when the Breslow-Day test shows the disparity differs between tiers.",
                "Many comparisons are made in one report, so an occasional flag can arise by chance: a flag is a"
                        + " reason to look closer at those cases, not proof of unfair treatment.",
                "Times: median and 90th percentile in whole days; compared by the ratio of medians and the"
                        + " Mann-Whitney rank-sum test.",
                "Every count under " + s.threshold() + " is suppressed, with secondary suppression so that no"
                        + " total reveals one. " + analysed + " complaints were read; the SHA-256 above is of the"
                        + " aggregated data the report was computed from, so a rerun can be checked against it.");
    }

    private static String ratio(Double r) {
        return r == null ? "-" : String.format(Locale.UK, "%.2f", r);
    }

    private static String p(Double p) {
        if (p == null) {
            return "-";
        }
        return p < 0.0001 ? "<0.0001" : String.format(Locale.UK, "%.4f", p);
    }

    private static String pEq(Double p) {
        return p == null ? "withheld" : p < 0.0001 ? "< 0.0001" : "= " + String.format(Locale.UK, "%.4f", p);
    }

    private static String pct(double x) {
        return String.format(Locale.UK, "%.0f%%", 100 * x);
    }
}
