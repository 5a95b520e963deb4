package org.evenhand.audit;

import static org.evenhand.audit.AuditViews.call;
import static org.evenhand.audit.AuditViews.days;
import static org.evenhand.audit.AuditViews.group;
import static org.evenhand.audit.AuditViews.interval;
import static org.evenhand.audit.AuditViews.p;
import static org.evenhand.audit.AuditViews.perThousand;
import static org.evenhand.audit.AuditViews.percent;
import static org.evenhand.audit.AuditViews.quarterOf;
import static org.evenhand.audit.AuditViews.ratio;
import static org.evenhand.audit.AuditViews.sentence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evenhand.audit.AuditViews.Call;
import org.evenhand.audit.AuditViews.Cell;
import org.evenhand.audit.AuditViews.ClauseRow;
import org.evenhand.audit.AuditViews.CounterRow;
import org.evenhand.audit.AuditViews.GlanceCell;
import org.evenhand.audit.AuditViews.GlanceRow;
import org.evenhand.audit.AuditViews.Kept;
import org.evenhand.audit.AuditViews.OpenerRow;
import org.evenhand.audit.AuditViews.Population;
import org.evenhand.audit.AuditViews.Query;
import org.evenhand.audit.AuditViews.RateRow;
import org.evenhand.audit.AuditViews.RateTable;
import org.evenhand.audit.AuditViews.ReportPage;
import org.evenhand.audit.AuditViews.RoleView;
import org.evenhand.audit.AuditViews.SanctionRow;
import org.evenhand.audit.AuditViews.TimeRow;
import org.evenhand.audit.AuditViews.TimeTable;
import org.evenhand.audit.stats.Comparison;
import org.evenhand.common.TimeSource;

/** Builds the NEC's report page from a report: tables, the calls in words, the charts' data. */
@ApplicationScoped
public class ReportPageMaker {

    @Inject
    FairnessReportService reports;
    @Inject
    AuditConfig config;
    @Inject
    FactionLists lists;
    @Inject
    TimeSource time;
    @Inject
    ObjectMapper json;
    @Inject
    AuditChoices choices;

    ReportPage page(FairnessReport r, Query q, Long keptId, String done) {
        int t = r.parameters().suppressionThreshold();
        List<RoleView> roles = r.roles().stream().map(x -> role(x, t)).toList();
        List<OpenerRow> openers = r.provocation() == null ? List.of() : r.provocation().firstMoversAndReactors().stream()
                .map(o -> new OpenerRow(group(o.group()), Cell.of(o.firstMoverDecided(), t),
                        Cell.of(o.firstMoverUpheld(), t), percent(o.firstMoverRate()), Cell.of(o.reactorDecided(), t),
                        Cell.of(o.reactorUpheld(), t), percent(o.reactorRate()),
                        o.reactorVsFirstMover() == null ? "" : ratio(o.reactorVsFirstMover().ratio()),
                        call(o.reactorVsFirstMover()))).toList();
        List<CounterRow> counters = r.provocation() == null ? List.of() : r.provocation().counterComplaints().stream()
                .map(c -> new CounterRow(group(c.group()), Cell.of(c.complaints(), t), Cell.of(c.counterComplaints(), t),
                        Cell.of(c.countersDecided(), t), Cell.of(c.countersUpheld(), t), percent(c.countersUpheldRate()),
                        Cell.of(c.drewCounter(), t), Cell.of(c.drewCounterDecided(), t),
                        Cell.of(c.drewCounterUpheld(), t), percent(c.drewCounterUpheldRate()))).toList();
        List<ClauseRow> clauses = r.handlingTime() == null ? List.of() : r.handlingTime().clauses().stream()
                .map(c -> clause(c, t)).toList();
        ClauseRow prot = r.handlingTime() == null || r.handlingTime().protectedCharacteristics() == null ? null
                : clause(r.handlingTime().protectedCharacteristics(), t);
        List<Kept> kept = reports.kept().stream().limit(12).map(a -> new Kept(a.id,
                AuditReport.ON_DEMAND.equals(a.kind) ? "Kept on request" : "Quarterly", a.periodFrom + " to " + a.periodTo,
                org.evenhand.web.Formats.when(a.generatedAt), a.generatedBy, AuditReport.QUARTERLY.equals(a.kind),
                a.publishedAt == null ? null : org.evenhand.web.Formats.when(a.publishedAt))).toList();
        String base = keptId == null ? "/nec/audit/download?" + q.params() + "&format="
                : "/nec/audit/reports/" + keptId + "/download?format=";
        return new ReportPage(r, r.title(), org.evenhand.web.Formats.date(r.parameters().from()) + " to "
                + org.evenhand.web.Formats.date(r.parameters().to()), org.evenhand.web.Formats.when(r.generatedAt()),
                q, quarters(), base, keptId, r.findings(),
                r.population().stream().map(p -> new Population(group(p.group()), Cell.of(p.members(), t))).toList(),
                roles, r.provocation() == null ? null : r.provocation().description(), openers, counters,
                r.handlingTime() == null ? null : r.handlingTime().description(), clauses, prot, r.method(),
                r.disclosure() == null ? null : r.disclosure().rule(),
                r.disclosure() == null ? 0 : r.disclosure().primary() + r.disclosure().secondary(), kept, done, t,
                choices.regions(), choices.clps(), interference(r.interference(), t),
                r.handlingTime() == null || r.handlingTime().byCharacteristic() == null ? List.of()
                        : r.handlingTime().byCharacteristic().stream().map(c -> clause(c, t)).toList(),
                confidence(r.confidence(), t));
    }

    /** The confidence section as tables: per role, a table per question, the call within outcome bands. */
    private static AuditViews.ConfidenceView confidence(FairnessReport.Confidence c, int t) {
        if (c == null) {
            return null;
        }
        List<AuditViews.ConfidenceRoleView> roles = new ArrayList<>();
        for (FairnessReport.ConfidenceRole role : c.roles()) {
            List<AuditViews.ConfidenceTable> tables = new ArrayList<>();
            for (FairnessReport.ConfidenceQuestion q : role.questions()) {
                List<AuditViews.ConfidenceRow> rows = q.groups().stream().map(g -> {
                    FairnessReport.Stratified w = g.withinBands();
                    return new AuditViews.ConfidenceRow(AuditViews.confidenceGroup(g.group()), w != null,
                            Cell.of(g.answers(), t), Cell.of(g.agree(), t), percent(g.share()),
                            g.mean() == null ? "" : String.format(java.util.Locale.UK, "%.2f", g.mean()),
                            g.comparison() == null ? "" : ratio(g.comparison().ratio()),
                            w == null ? "" : ratio(w.riskRatio()), w == null ? "" : interval(w.ciLower(), w.ciUpper()),
                            w == null ? null : call(w.verdict(), sentence(w.reason())));
                }).toList();
                Call across = q.acrossFactions() == null ? null : call(q.acrossFactions().verdict(),
                        "Across all factions at once: " + q.acrossFactions().reason() + ".");
                tables.add(new AuditViews.ConfidenceTable(role.role() + "-" + q.id(), q.label(), rows, across,
                        rows.stream().anyMatch(x -> x.call() != null && x.call().flagged())));
            }
            roles.add(new AuditViews.ConfidenceRoleView(role.role(), "respondent".equals(role.role())
                    ? "Members complained about" : "Members who complained", role.description(), tables));
        }
        String quarters = c.quarters().isEmpty() ? null : String.join(", ", c.quarters().stream()
                .map(q -> "quarter " + q.substring(6) + " of " + q.substring(0, 4)).toList());
        List<AuditViews.Term> terms = c.terms().stream().map(x -> x.split(": ", 2))
                .map(x -> new AuditViews.Term(x[0], x.length > 1 ? x[1] : "")).toList();
        return new AuditViews.ConfidenceView(c.description(), quarters, terms, roles,
                c.disclosure() == null ? null : c.disclosure().rule());
    }

    private static AuditViews.InterferenceView interference(FairnessReport.Interference i, int t) {
        if (i == null) {
            return null;
        }
        Map<String, String> labels = Map.of("office-holder", "Made by office-holders", "staff", "Made by staff",
                "in-person", "In person", "phone", "By phone", "email", "By email", "message", "By message", "letter",
                "By letter", "other", "By other means");
        return new AuditViews.InterferenceView(i.description(), Cell.of(i.records(), t), Cell.of(i.cases(), t),
                i.byContactKind().entrySet().stream().map(e -> new AuditViews.Part(labels.getOrDefault(e.getKey(),
                        e.getKey()), Cell.of(e.getValue(), t))).toList(),
                i.byChannel().entrySet().stream().map(e -> new AuditViews.Part(labels.getOrDefault(e.getKey(),
                        e.getKey()), Cell.of(e.getValue(), t))).toList());
    }

    private RoleView role(FairnessReport.RoleSection s, int t) {
        List<RateTable> rates = new ArrayList<>();
        for (FairnessReport.RateMetric m : s.rates()) {
            boolean perThousand = "complaints".equals(m.id());
            List<RateRow> rows = m.groups().stream().map(g -> {
                Comparison c = g.comparison();
                Call call = g.assessment() != null ? call(g.assessment().verdict(), g.assessment().explanation())
                        : c == null ? null : call(c);
                return new RateRow(group(g.group()), isFaction(g.group()), Cell.of(g.numerator(), t),
                        Cell.of(g.denominator(), t), perThousand ? perThousand(g.rate()) : percent(g.rate()),
                        c == null ? "" : ratio(c.ratio()), c == null ? "" : interval(c.ciLower(), c.ciUpper()), call);
            }).toList();
            Call across = m.acrossFactions() == null ? null : call(m.acrossFactions().verdict(),
                    "Across all factions at once: " + m.acrossFactions().reason()
                            + (m.acrossFactions().pValue() == null ? "" : " (chi-squared p " + p(m.acrossFactions().pValue())
                                    + ")") + ".");
            rates.add(new RateTable(m.id(), m.label(), m.description(), m.numerator(), m.denominator(), perThousand, rows,
                    across, rows.stream().anyMatch(x -> x.call() != null && x.call().flagged()), like(m)));
        }
        List<TimeTable> times = s.times().stream().map(tm -> new TimeTable(tm.label(), tm.description(), tm.groups().stream()
                .map(g -> new TimeRow(group(g.group()), Cell.of(g.cases(), t), days(g.median()), days(g.p90()),
                        ratio(g.medianRatio()), g.verdict() == null ? null : call(g.verdict(), sentence(g.reason()))))
                .toList())).toList();
        FairnessReport.SanctionTable st = s.sanctions();
        List<SanctionRow> sanctions = st == null ? List.of() : st.groups().stream().map(g -> new SanctionRow(
                group(g.group()), Cell.of(g.decided(), t), g.counts().stream().map(c -> Cell.of(c, t)).toList()))
                .toList();
        Call sanctionsAcross = st == null || st.acrossFactions() == null ? null : call(st.acrossFactions().verdict(),
                "Across all factions at once: " + st.acrossFactions().reason() + ".");
        String heading = "respondent".equals(s.role()) ? "Members complained about" : "Members who complained";
        List<String> factionLabels = lists.allKeys().stream().map(AuditViews::group).toList();
        List<GlanceRow> glance = rates.stream().map(m -> new GlanceRow(m.id(), m.label(), m.rows().stream()
                .filter(RateRow::faction).map(r -> new GlanceCell(r.group(), r.ratio(), r.call())).toList())).toList();
        return new RoleView(s.role(), heading, s.description(), rates, times, st == null ? List.of() : st.titles(),
                sanctions, sanctionsAcross, chart(s), factionLabels, glance);
    }

    /** The stratified comparisons of each faction, with what Breslow-Day says in words. */
    private static List<AuditViews.LikeRow> like(FairnessReport.RateMetric m) {
        List<AuditViews.LikeRow> out = new ArrayList<>();
        for (FairnessReport.GroupRate g : m.groups()) {
            FairnessReport.Stratified c = g.byClause();
            if (c == null) {
                continue;
            }
            FairnessReport.Stratified t = g.byTier();
            String differs = c.breslowDayPValue() == null ? (c.heterogeneous() == null ? "" : "Figures withheld")
                    : Boolean.TRUE.equals(c.heterogeneous())
                            ? "Yes (p " + p(c.breslowDayPValue()) + "): look at the clauses one by one"
                            : "No sign of it (p " + p(c.breslowDayPValue()) + ")";
            out.add(new AuditViews.LikeRow(group(g.group()), c.riskRatio() == null ? "" : ratio(c.riskRatio()),
                    interval(c.ciLower(), c.ciUpper()), t == null || t.riskRatio() == null ? "" : ratio(t.riskRatio()),
                    t == null ? "" : interval(t.ciLower(), t.ciUpper()), differs, sentence(c.basis())));
        }
        return out;
    }

    /** The share-type rates by faction, for the chart (suppressed values are left out, as gaps). */
    private String chart(FairnessReport.RoleSection s) {
        List<String> groups = new ArrayList<>(lists.allKeys());
        groups.add(FairnessReport.ALL);
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (FairnessReport.RateMetric m : s.rates()) {
            if ("complaints".equals(m.id())) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (String g : groups) {
                m.groups().stream().filter(x -> x.group().equals(g)).findFirst().ifPresent(x -> values.put(g,
                        x.rate() == null ? null : Math.round(x.rate() * 1000) / 10.0));
            }
            metrics.add(Map.of("label", m.label(), "values", values));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        groups.forEach(g -> labels.put(g, group(g)));
        try {
            // read by the page's script as JSON text; no '<' can close the script element
            return json.writeValueAsString(Map.of("groups", labels, "metrics", metrics)).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ClauseRow clause(FairnessReport.ClauseTime c, int t) {
        return new ClauseRow(c.title(), c.tier() == null ? "" : "Tier " + c.tier(), Cell.of(c.decided(), t),
                days(c.median()), days(c.p90()), ratio(c.medianRatioToOthers()),
                c.verdict() == null ? null : call(c.verdict(), sentence(c.reason())));
    }

    /**
     * The last eight complete quarters, newest first, for the period chooser; and the latest
     * quarter with complaints, if older.
     */
    List<String> quarters() {
        List<String> out = new ArrayList<>();
        Period p = Period.lastCompleteQuarter(time.today());
        for (int i = 0; i < 8; i++) {
            out.add(quarterOf(p));
            p = Period.lastCompleteQuarter(p.from());
        }
        String latest = quarterOf(choices.latestQuarterWithData(time.today()));
        if (!out.contains(latest)) {
            out.add(latest);
        }
        return out;
    }

    boolean isFaction(String g) {
        return lists.allKeys().contains(g);
    }

}
