package org.evenhand.audit;

import static org.evenhand.audit.FairnessReport.ALL;
import static org.evenhand.audit.Metrics.MEMBERS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evenhand.audit.FairnessQueries.Data;
import org.evenhand.audit.FairnessQueries.Filter;
import org.evenhand.audit.FairnessReport.Assessment;
import org.evenhand.audit.FairnessReport.ClauseStratum;
import org.evenhand.audit.FairnessReport.Count;
import org.evenhand.audit.FairnessReport.DefinitionVersionRef;
import org.evenhand.audit.FairnessReport.GroupRate;
import org.evenhand.audit.FairnessReport.Population;
import org.evenhand.audit.FairnessReport.RateMetric;
import org.evenhand.audit.FairnessReport.RoleSection;
import org.evenhand.audit.FairnessReport.Stratified;
import org.evenhand.audit.FairnessReport.StratumRate;
import org.evenhand.audit.FairnessReport.TimeMetric;
import org.evenhand.audit.Metrics.MetricDef;
import org.evenhand.audit.Metrics.Role;
import org.evenhand.audit.Metrics.Strata;
import org.evenhand.audit.stats.CellSuppression;
import org.evenhand.audit.stats.Comparison;
import org.evenhand.audit.stats.Independence;
import org.evenhand.audit.stats.RateRatio;
import org.evenhand.audit.stats.Rules;
import org.evenhand.audit.stats.TwoByTwo;
import org.evenhand.definition.DefinitionVersion;

/**
 * Turns the aggregated counts into the report. Pure computation over the query results: no
 * database, no clock. The parts: {@link Metrics} (what is measured), {@link CaseCounts} (the
 * counts per role, group, tier and clause), {@link ReportCells} (suppression), {@link Comparisons}
 * (every statistic), {@link CaseMixCall} (the call and its findings), {@link Wording} and
 * {@link ReportSections} (times, sanctions, provocation, handling time).
 */
final class FairnessAnalysis {

    record Settings(Period period, Filter filter, int threshold, Rules rules, int counterWindowDays,
            int conductWindowDays, List<String> factions, List<String> protectedClauses, Instant asOf) {
    }

    private final Data data;
    private final Settings s;
    private final CaseCounts counts;
    private final ReportCells cells;
    private final Wording words;

    FairnessAnalysis(Data data, Settings settings, Map<String, DefinitionVersion> versions) {
        this.data = data;
        this.s = settings;
        this.counts = new CaseCounts(data, settings.factions(), versions);
        this.cells = new ReportCells(counts, settings.threshold(), settings.protectedClauses());
        this.words = new Wording(settings.rules());
    }

    FairnessReport build(Instant generatedAt, String generatedBy) {
        cells.apply();
        Comparisons comparisons = new Comparisons(counts, s.rules());
        CaseMixCall caller = new CaseMixCall(counts, cells, words);
        ReportSections sections = new ReportSections(counts, cells, s);
        List<String> findings = new ArrayList<>();
        List<RoleSection> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            roles.add(role(role, comparisons, caller, sections, findings));
        }
        List<Population> pop = counts.withAll().stream().map(g -> new Population(g, cells.count("P|" + g))).toList();
        long analysed = counts.value(Role.RESPONDENT, ALL, Measure.CASES.ordinal());
        long flagged = findings.stream().filter(f -> !f.contains("not flagged after allowing for case mix")).count();
        findings.add(0, words.summary(roles, flagged));
        ConfidenceSection survey = new ConfidenceSection(data.confidence() == null ? ConfidenceQueries.Data.NONE
                : data.confidence(), s.factions(), s.rules(), s.threshold());
        FairnessReport.Confidence confidence = survey.build();
        findings.addAll(survey.findings());
        return new FairnessReport("Fairness audit: complaints handling by faction, " + s.period(),
                parameters(), generatedAt, generatedBy, definitionVersions(), data.sha256(),
                cells.count(cells.cell(Role.RESPONDENT, ALL, Measure.CASES.ordinal())), findings, pop, roles,
                sections.provocation(), sections.handlingTime(), new FairnessReport.Disclosure(s.threshold(),
                        cells.size(), cells.count(CellSuppression.State.PRIMARY),
                        cells.count(CellSuppression.State.SECONDARY),
                        "Counts from 1 to " + (s.threshold() - 1) + " are suppressed; further counts are suppressed"
                                + " wherever a total, a difference or another table would let a suppressed count be"
                                + " worked out. A zero for a group with no case at all is shown: it describes an"
                                + " absence, not a person. Rates, ratios and tests that would reveal a suppressed"
                                + " count are withheld; the call (flagged or not) is still given."),
                words.method(s, analysed), null, confidence);
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

    private RoleSection role(Role role, Comparisons comparisons, CaseMixCall caller, ReportSections sections,
            List<String> findings) {
        List<RateMetric> rates = new ArrayList<>();
        for (MetricDef m : Metrics.forRole(role)) {
            rates.add(rate(role, m, comparisons, caller, findings));
        }
        List<TimeMetric> times = List.of(
                sections.time(role, "decision-days", "Days from receipt to the panel's decision",
                        "Whole days from receipt to the first panel decision, for complaints decided so far.",
                        counts.decisionDays.get(role), Measure.DECIDED.ordinal()),
                sections.time(role, "suspension-days", "Length of interim suspension (days)",
                        "Whole days from imposition to lifting, or to when the report was made if still in force.",
                        counts.suspensionDays.get(role), Measure.SUSPENDED.ordinal()));
        String description = role == Role.RESPONDENT
                ? "Members complained about, by their own declared faction."
                : "Members who complained, by their own declared faction.";
        return new RoleSection(role.id, description, rates, times, sections.sanctions(role));
    }

    private RateMetric rate(Role role, MetricDef m, Comparisons comparisons, CaseMixCall caller,
            List<String> findings) {
        List<String> factions = counts.factionGroups;
        long[][] table = new long[factions.size()][2];
        boolean tablePublished = true;
        for (int i = 0; i < factions.size(); i++) {
            String g = factions.get(i);
            long num = counts.value(role, g, m.num());
            long den = counts.value(role, g, m.den());
            table[i][0] = num;
            table[i][1] = m.den() == MEMBERS ? den : den - num;
            tablePublished &= cells.published(cells.cell(role, g, m.num()), cells.cell(role, g, m.den()));
        }
        Independence across = m.den() == MEMBERS ? null : Independence.test(table, s.rules());
        if (across != null && !tablePublished) {
            across = new Independence(across.groups(), null, across.degreesOfFreedom(), null, null, across.verdict(),
                    across.reason() + " (statistic withheld: the table has suppressed cells)");
        }
        List<GroupRate> rows = new ArrayList<>();
        for (String g : counts.withAll()) {
            rows.add(groupRate(role, m, g, comparisons, caller, findings));
        }
        return new RateMetric(m.id(), m.label(), m.description(), m.numLabel(), m.denLabel(),
                m.strata() == Strata.NONE ? null : m.strata().label(), rows, across);
    }

    private GroupRate groupRate(Role role, MetricDef m, String g, Comparisons comparisons, CaseMixCall caller,
            List<String> findings) {
        String numCell = cells.cell(role, g, m.num());
        String denCell = cells.cell(role, g, m.den());
        Count num = cells.count(numCell);
        Count den = cells.count(denCell);
        double scale = m.den() == MEMBERS ? 1000 : 1;
        Double rate = num.published() && den.published() && den.value() > 0 ? scale * num.value() / den.value() : null;
        boolean compared = counts.factionGroups.contains(g);
        List<StratumRate> tiers = null;
        if (m.strata() != Strata.NONE) {
            tiers = new ArrayList<>();
            for (int t : counts.tiers(m.strata())) {
                tiers.add(stratumRate(role, m, g, t, compared ? comparisons.tier(role, m, g, t) : null));
            }
        }
        if (!compared) {
            return new GroupRate(g, num, den, rate, null, null, null, tiers, null, null);
        }
        long a = counts.value(role, g, m.num());
        long n1 = counts.value(role, g, m.den());
        long c = counts.value(role, ALL, m.num()) - a;
        long n0 = counts.value(role, ALL, m.den()) - n1;
        Comparison crude = m.den() == MEMBERS ? RateRatio.compare(a, n1, c, n0, s.rules())
                : TwoByTwo.compare(a, n1, c, n0, s.rules());
        boolean figures = cells.published(numCell, denCell, cells.cell(role, ALL, m.num()),
                cells.cell(role, ALL, m.den()));
        Stratified byTier = null;
        Stratified byClause = null;
        List<ClauseStratum> clauses = null;
        Comparisons.Deciding deciding = null;
        if (m.strata() != Strata.NONE) {
            byTier = comparisons.byTier(role, m, g, figures && tierCellsPublished(role, m, g));
            deciding = comparisons.deciding(role, m, g);
            byClause = comparisons.byClause(deciding, figures);
            clauses = deciding.strata().stream().map(st -> clauseStratum(role, m, g, st, caller)).toList();
        }
        Assessment assessment = caller.assess(role, m, g, crude, byTier, byClause, deciding, findings);
        return new GroupRate(g, num, den, rate, figures ? crude : crude.withheld(), byTier, byClause, tiers, clauses,
                assessment);
    }

    private ClauseStratum clauseStratum(Role role, MetricDef m, String g, Comparisons.Stratum st, CaseMixCall caller) {
        boolean shown = caller.published(role, m, g, st);
        Count num;
        Count den;
        if (st.pooled()) {
            num = shown ? Count.of(st.a()) : new Count(null, "secondary");
            den = shown ? Count.of(st.n1()) : new Count(null, "secondary");
        } else {
            String key = CaseCounts.clauseKey(m.strata(), st.tier(), st.clauses().get(0));
            num = cells.count(cells.cell(role, g, key, m.num()));
            den = cells.count(cells.cell(role, g, key, m.den()));
        }
        Double rate = num.published() && den.published() && den.value() > 0 ? (double) num.value() / den.value()
                : null;
        return new ClauseStratum(st.tier(), st.clauses(), st.pooled(), num, den, rate,
                shown ? st.comparison() : st.comparison().withheld());
    }

    private boolean tierCellsPublished(Role role, MetricDef m, String g) {
        for (int t : counts.tiers(m.strata())) {
            String key = CaseCounts.tierKey(m.strata(), t);
            if (!cells.published(cells.cell(role, g, key, m.num()), cells.cell(role, g, key, m.den()),
                    cells.cell(role, ALL, key, m.num()), cells.cell(role, ALL, key, m.den()))) {
                return false;
            }
        }
        return true;
    }

    private StratumRate stratumRate(Role role, MetricDef m, String g, int t, Comparison cmp) {
        String key = CaseCounts.tierKey(m.strata(), t);
        String numCell = cells.cell(role, g, key, m.num());
        String denCell = cells.cell(role, g, key, m.den());
        Count num = cells.count(numCell);
        Count den = cells.count(denCell);
        Double rate = num.published() && den.published() && den.value() > 0 ? (double) num.value() / den.value()
                : null;
        if (cmp != null && !cells.published(numCell, denCell, cells.cell(role, ALL, key, m.num()),
                cells.cell(role, ALL, key, m.den()))) {
            cmp = cmp.withheld();
        }
        return new StratumRate(t, num, den, rate, cmp);
    }
}
