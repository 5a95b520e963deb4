package org.evenhand.audit;

import static org.evenhand.audit.FairnessReport.ALL;
import static org.evenhand.audit.FairnessReport.PREFER_NOT_TO_SAY;
import static org.evenhand.audit.FairnessReport.UNDECLARED;
import static org.evenhand.audit.Metrics.KNOWN;
import static org.evenhand.audit.Metrics.M;
import static org.evenhand.audit.Metrics.MEMBERS;
import static org.evenhand.audit.Metrics.SANCTIONS;
import static org.evenhand.audit.Metrics.SEVERE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.evenhand.audit.FairnessQueries.Data;
import org.evenhand.audit.FairnessQueries.DaysRow;
import org.evenhand.audit.FairnessQueries.Row;
import org.evenhand.audit.Metrics.Role;
import org.evenhand.audit.Metrics.Strata;
import org.evenhand.audit.stats.Histogram;
import org.evenhand.definition.DefinitionVersion;

/**
 * The query results added up per role and group: overall, by severity tier and by clause (the
 * gravest clause of the complaint, nested in its tier), for the clauses cited and those engaged
 * at triage; members per group; the day histograms. Pure arithmetic, no statistics.
 */
final class CaseCounts {

    /** The case-mix stratum of a set of clauses: its gravest clause and that clause's tier. */
    record Stratum(int tier, String clause) {
    }

    /** Key of a tier stratum ("te3") and of a clause stratum nested in it ("le3:hateful-language"). */
    static String tierKey(Strata st, int tier) {
        return "t" + st.code() + tier;
    }

    static String clauseKey(Strata st, int tier, String clause) {
        return "l" + st.code() + tier + ":" + clause;
    }

    /** Counts for one group in one role: overall, and by tier and clause of cited and engaged clauses. */
    final class Acc {
        final long[] all = new long[width];
        final Map<String, long[]> strata = new TreeMap<>();

        void add(long[] v, Stratum cited, Stratum engaged) {
            addTo(all, v);
            addTo(strata.computeIfAbsent(tierKey(Strata.CITED, cited.tier()), k -> new long[width]), v);
            addTo(strata.computeIfAbsent(clauseKey(Strata.CITED, cited.tier(), cited.clause()), k -> new long[width]), v);
            if (engaged != null) {
                addTo(strata.computeIfAbsent(tierKey(Strata.ENGAGED, engaged.tier()), k -> new long[width]), v);
                addTo(strata.computeIfAbsent(clauseKey(Strata.ENGAGED, engaged.tier(), engaged.clause()),
                        k -> new long[width]), v);
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

    final Data data;
    final Map<String, DefinitionVersion> versions;
    final List<String> sanctions;
    final Set<String> severe = new LinkedHashSet<>();
    final Map<String, String> sanctionTitles = new LinkedHashMap<>();
    final int width;
    final List<String> factionGroups;
    final List<String> groups;
    final Map<String, Long> population = new LinkedHashMap<>();
    final Map<Role, Map<String, Histogram>> decisionDays = new LinkedHashMap<>();
    final Map<Role, Map<String, Histogram>> suspensionDays = new LinkedHashMap<>();
    final Map<String, Histogram> clauseDays = new TreeMap<>();
    /** Days to decision by the protected characteristic triage recorded (respondent's scope). */
    final Map<String, Histogram> characteristicDays = new TreeMap<>();
    private final Map<Integer, Stratum> sets = new TreeMap<>();
    private final Map<Role, Map<String, Acc>> acc = new LinkedHashMap<>();
    private final Map<Strata, Map<Integer, Set<String>>> clauses = new LinkedHashMap<>();

    CaseCounts(Data data, List<String> configuredFactions, Map<String, DefinitionVersion> versions) {
        this.data = data;
        this.versions = versions;
        this.sanctions = data.sanctions();
        for (String id : sanctions) {
            versions.values().stream().map(v -> v.sanction(id)).flatMap(Optional::stream).findFirst()
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
        List<String> factions = new ArrayList<>(configuredFactions);
        seen.stream().filter(f -> f != null && !f.isEmpty() && !f.equals(PREFER_NOT_TO_SAY) && !factions.contains(f))
                .forEach(factions::add);
        this.factionGroups = List.copyOf(factions);
        List<String> all = new ArrayList<>(factions);
        all.add(PREFER_NOT_TO_SAY);
        all.add(UNDECLARED);
        this.groups = List.copyOf(all);
        clauses.put(Strata.CITED, new TreeMap<>());
        clauses.put(Strata.ENGAGED, new TreeMap<>());
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

    static String group(String faction) {
        return faction == null || faction.isEmpty() ? UNDECLARED : faction;
    }

    private long[] vector(Row r) {
        long[] v = new long[width];
        System.arraycopy(r.counts(), 0, v, 0, M);
        v[KNOWN] = r.counts()[Measure.OPENED_BY_COMPLAINANT.ordinal()]
                + r.counts()[Measure.OPENED_BY_RESPONDENT.ordinal()];
        v[SEVERE] = r.counts()[Measure.SEVERE_SANCTION.ordinal()];
        return v;
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
        Stratum unknown = new Stratum(0, "(unknown)");
        for (Row r : data.rows()) {
            long[] v = vector(r);
            Stratum cited = sets.getOrDefault(r.citedSet(), unknown);
            Stratum engaged = r.engagedSet() == null ? null : sets.getOrDefault(r.engagedSet(), unknown);
            clauses.get(Strata.CITED).computeIfAbsent(cited.tier(), k -> new TreeSet<>()).add(cited.clause());
            if (engaged != null) {
                clauses.get(Strata.ENGAGED).computeIfAbsent(engaged.tier(), k -> new TreeSet<>()).add(engaged.clause());
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
        for (DaysRow d : data.characteristicDays()) {
            if (d.inRespondentScope()) {
                characteristicDays.computeIfAbsent(d.respondentFaction(), k -> new Histogram()).add(d.days(), d.cases());
            }
        }
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

    List<String> withAll() {
        List<String> g = new ArrayList<>(groups);
        g.add(ALL);
        return g;
    }

    long value(Role role, String group, int idx) {
        return idx == MEMBERS ? population.get(group) : acc.get(role).get(group).all[idx];
    }

    long value(Role role, String group, String stratum, int idx) {
        return acc.get(role).get(group).stratum(stratum)[idx];
    }

    Set<Integer> tiers(Strata st) {
        return clauses.get(st).keySet();
    }

    Set<String> clauses(Strata st, int tier) {
        return clauses.get(st).getOrDefault(tier, Set.of());
    }

    /** Whether the group has no case at all in this role: its zeros say nothing about anyone. */
    boolean empty(Role role, String group) {
        return !group.equals(ALL) && value(role, group, Measure.CASES.ordinal()) == 0;
    }

    String clauseTitle(String clause) {
        return versions.values().stream().map(v -> v.clause(clause)).flatMap(Optional::stream)
                .map(DefinitionVersion.Clause::title).reduce((a, b) -> b).orElse(clause);
    }

    Integer clauseTier(String clause) {
        return versions.values().stream().map(v -> v.clause(clause)).flatMap(Optional::stream)
                .map(DefinitionVersion.Clause::tier).reduce((a, b) -> b).orElse(null);
    }
}
