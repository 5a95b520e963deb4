package org.evenhand.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.evenhand.audit.FairnessReport.Count;
import org.evenhand.audit.FairnessReport.GroupRate;
import org.evenhand.audit.FairnessReport.RateMetric;
import org.evenhand.audit.FairnessReport.RoleSection;
import org.evenhand.audit.FairnessReport.Stratified;
import org.evenhand.audit.stats.Comparison;
import org.evenhand.audit.stats.Independence;

/**
 * The report as one long CSV table (section, role, metric, group, stratum, statistic, value), so
 * that it loads into any spreadsheet or statistics package as it is. A suppressed count reads
 * "suppressed"; a withheld figure is simply absent.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static final String[] HEADER = { "section", "role", "metric", "group", "stratum", "statistic", "value" };

    static String render(FairnessReport r) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            Writer w = new Writer(p);
            w.row("report", "", "", "", "", "title", r.title());
            w.row("report", "", "", "", "", "generated-at", r.generatedAt());
            w.row("report", "", "", "", "", "generated-by", r.generatedBy());
            w.row("report", "", "", "", "", "data-sha256", r.dataSha256());
            w.count("report", "", "", "", "", "cases-analysed", r.casesAnalysed());
            FairnessReport.Parameters q = r.parameters();
            w.row("parameters", "", "", "", "", "from", q.from());
            w.row("parameters", "", "", "", "", "to", q.to());
            w.row("parameters", "", "", "", "", "time-zone", q.timeZone());
            w.row("parameters", "", "", "", "", "region", q.region());
            w.row("parameters", "", "", "", "", "clp", q.clp());
            w.row("parameters", "", "", "", "", "suppression-threshold", q.suppressionThreshold());
            w.row("parameters", "", "", "", "", "minimum-group-size", q.minimumGroupSize());
            w.row("parameters", "", "", "", "", "band-lower", q.bandLower());
            w.row("parameters", "", "", "", "", "band-upper", q.bandUpper());
            w.row("parameters", "", "", "", "", "confidence", q.confidence());
            w.row("parameters", "", "", "", "", "counter-complaint-window-days", q.counterComplaintWindowDays());
            w.row("parameters", "", "", "", "", "conduct-window-days", q.conductWindowDays());
            w.row("parameters", "", "", "", "", "factions", String.join(";", q.factions()));
            w.row("parameters", "", "", "", "", "protected-characteristic-clauses",
                    String.join(";", q.protectedCharacteristicClauses()));
            w.row("parameters", "", "", "", "", "lengths-measured-to", q.lengthsMeasuredTo());
            for (FairnessReport.DefinitionVersionRef v : r.definitionVersions()) {
                w.row("definition-version", "", "", "", v.id(), "effective-from", v.effectiveFrom());
                w.row("definition-version", "", "", "", v.id(), "sha256", v.sha256());
                w.row("definition-version", "", "", "", v.id(), "in-force-during-period", v.inForceDuringPeriod());
            }
            int i = 1;
            for (String f : r.findings()) {
                w.row("finding", "", "", "", "", Integer.toString(i++), f);
            }
            for (FairnessReport.Population pop : r.population()) {
                w.count("population", "", "", pop.group(), "", "members", pop.members());
            }
            for (RoleSection role : r.roles()) {
                for (RateMetric m : role.rates()) {
                    for (GroupRate g : m.groups()) {
                        String base = role.role();
                        w.count("rate", base, m.id(), g.group(), "", m.numerator(), g.numerator());
                        w.count("rate", base, m.id(), g.group(), "", m.denominator(), g.denominator());
                        w.row("rate", base, m.id(), g.group(), "", "rate", g.rate());
                        w.comparison("rate", base, m.id(), g.group(), "", g.comparison());
                        w.stratified("rate", base, m.id(), g.group(), "by-tier", g.byTier());
                        w.stratified("rate", base, m.id(), g.group(), "by-clause", g.byClause());
                        if (g.tiers() != null) {
                            for (FairnessReport.StratumRate t : g.tiers()) {
                                String st = "tier-" + t.tier();
                                w.count("rate", base, m.id(), g.group(), st, m.numerator(), t.numerator());
                                w.count("rate", base, m.id(), g.group(), st, m.denominator(), t.denominator());
                                w.row("rate", base, m.id(), g.group(), st, "rate", t.rate());
                                w.comparison("rate", base, m.id(), g.group(), st, t.comparison());
                            }
                        }
                        if (g.clauses() != null) {
                            for (FairnessReport.ClauseStratum c : g.clauses()) {
                                String st = "tier-" + c.tier() + (c.pooled() ? "-pooled:" : "-clause:")
                                        + String.join("+", c.clauses());
                                w.count("rate", base, m.id(), g.group(), st, m.numerator(), c.numerator());
                                w.count("rate", base, m.id(), g.group(), st, m.denominator(), c.denominator());
                                w.row("rate", base, m.id(), g.group(), st, "rate", c.rate());
                                w.comparison("rate", base, m.id(), g.group(), st, c.comparison());
                            }
                        }
                        if (g.assessment() != null) {
                            w.row("rate", base, m.id(), g.group(), "", "assessment", g.assessment().verdict().code());
                            w.row("rate", base, m.id(), g.group(), "", "explanation", g.assessment().explanation());
                        }
                    }
                    w.independence("rate", role.role(), m.id(), m.acrossFactions());
                }
                for (FairnessReport.TimeMetric t : role.times()) {
                    for (FairnessReport.GroupTime g : t.groups()) {
                        w.count("time", role.role(), t.id(), g.group(), "", "cases", g.cases());
                        w.row("time", role.role(), t.id(), g.group(), "", "median-days", g.median());
                        w.row("time", role.role(), t.id(), g.group(), "", "p90-days", g.p90());
                        w.row("time", role.role(), t.id(), g.group(), "", "median-ratio", g.medianRatio());
                        w.row("time", role.role(), t.id(), g.group(), "", "superiority", g.superiority());
                        w.row("time", role.role(), t.id(), g.group(), "", "p-value", g.pValue());
                        w.row("time", role.role(), t.id(), g.group(), "", "verdict",
                                g.verdict() == null ? null : g.verdict().code());
                    }
                }
                FairnessReport.SanctionTable st = role.sanctions();
                for (FairnessReport.SanctionRow row : st.groups()) {
                    w.count("sanctions", role.role(), "", row.group(), "", "decided", row.decided());
                    for (int k = 0; k < st.sanctions().size(); k++) {
                        w.count("sanctions", role.role(), "", row.group(), st.sanctions().get(k), "cases",
                                row.counts().get(k));
                    }
                }
                w.independence("sanctions", role.role(), "", st.acrossFactions());
            }
            for (FairnessReport.OpenerOutcome o : r.provocation().firstMoversAndReactors()) {
                w.count("provocation", "respondent", "first-mover", o.group(), "", "decided", o.firstMoverDecided());
                w.count("provocation", "respondent", "first-mover", o.group(), "", "upheld", o.firstMoverUpheld());
                w.row("provocation", "respondent", "first-mover", o.group(), "", "rate", o.firstMoverRate());
                w.count("provocation", "respondent", "reactor", o.group(), "", "decided", o.reactorDecided());
                w.count("provocation", "respondent", "reactor", o.group(), "", "upheld", o.reactorUpheld());
                w.row("provocation", "respondent", "reactor", o.group(), "", "rate", o.reactorRate());
                w.comparison("provocation", "respondent", "reactor-vs-first-mover", o.group(), "",
                        o.reactorVsFirstMover());
            }
            for (FairnessReport.CounterOutcome o : r.provocation().counterComplaints()) {
                w.count("provocation", "complainant", "counter", o.group(), "", "complaints", o.complaints());
                w.count("provocation", "complainant", "counter", o.group(), "", "counter-complaints",
                        o.counterComplaints());
                w.count("provocation", "complainant", "counter", o.group(), "", "counters-decided", o.countersDecided());
                w.count("provocation", "complainant", "counter", o.group(), "", "counters-upheld", o.countersUpheld());
                w.row("provocation", "complainant", "counter", o.group(), "", "counters-upheld-rate",
                        o.countersUpheldRate());
                w.count("provocation", "complainant", "counter", o.group(), "", "drew-counter", o.drewCounter());
                w.count("provocation", "complainant", "counter", o.group(), "", "drew-counter-decided",
                        o.drewCounterDecided());
                w.count("provocation", "complainant", "counter", o.group(), "", "drew-counter-upheld",
                        o.drewCounterUpheld());
                w.row("provocation", "complainant", "counter", o.group(), "", "drew-counter-upheld-rate",
                        o.drewCounterUpheldRate());
            }
            List<FairnessReport.ClauseTime> clauses = new java.util.ArrayList<>(r.handlingTime().clauses());
            clauses.add(r.handlingTime().protectedCharacteristics());
            if (r.handlingTime().byCharacteristic() != null) {
                r.handlingTime().byCharacteristic().forEach(c -> clauses.add(new FairnessReport.ClauseTime(
                        "characteristic:" + c.clause(), c.title(), c.tier(), c.decided(), c.median(), c.p90(),
                        c.medianRatioToOthers(), c.pValue(), c.verdict(), c.reason())));
            }
            for (FairnessReport.ClauseTime c : clauses) {
                w.count("handling-time", "", "decision-days", c.clause(), "", "decided", c.decided());
                w.row("handling-time", "", "decision-days", c.clause(), "", "median-days", c.median());
                w.row("handling-time", "", "decision-days", c.clause(), "", "p90-days", c.p90());
                w.row("handling-time", "", "decision-days", c.clause(), "", "median-ratio-to-others",
                        c.medianRatioToOthers());
                w.row("handling-time", "", "decision-days", c.clause(), "", "p-value", c.pValue());
                w.row("handling-time", "", "decision-days", c.clause(), "", "verdict",
                        c.verdict() == null ? null : c.verdict().code());
            }
            if (r.interference() != null) {
                FairnessReport.Interference contacts = r.interference();
                w.count("interference", "", "contacts", "all", "", "records", contacts.records());
                w.count("interference", "", "contacts", "all", "", "cases", contacts.cases());
                for (var e : contacts.byContactKind().entrySet()) {
                    w.count("interference", "", "contacts", e.getKey(), "", "records", e.getValue());
                }
                for (var e : contacts.byChannel().entrySet()) {
                    w.count("interference", "", "contacts", "channel:" + e.getKey(), "", "records", e.getValue());
                }
            }
            if (r.confidence() != null) {
                confidence(w, r.confidence());
            }
            w.row("disclosure", "", "", "", "", "threshold", r.disclosure().threshold());
            w.row("disclosure", "", "", "", "", "primary", r.disclosure().primary());
            w.row("disclosure", "", "", "", "", "secondary", r.disclosure().secondary());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Confidence in the process: per role, question and group (the call is the comparison within outcome bands). */
    private static void confidence(Writer w, FairnessReport.Confidence c) throws IOException {
        w.row("confidence", "", "", "", "", "quarters", String.join(";", c.quarters()));
        for (FairnessReport.ConfidenceRole role : c.roles()) {
            for (FairnessReport.ConfidenceQuestion q : role.questions()) {
                for (FairnessReport.ConfidenceGroup g : q.groups()) {
                    w.count("confidence", role.role(), q.id(), g.group(), "", "answers", g.answers());
                    w.count("confidence", role.role(), q.id(), g.group(), "", "agree", g.agree());
                    w.row("confidence", role.role(), q.id(), g.group(), "", "share-agreeing", g.share());
                    w.row("confidence", role.role(), q.id(), g.group(), "", "mean-score", g.mean());
                    w.comparison("confidence", role.role(), q.id(), g.group(), "", g.comparison());
                    w.stratified("confidence", role.role(), q.id(), g.group(), "within-outcome-bands",
                            g.withinBands());
                }
                w.independence("confidence", role.role(), q.id(), q.acrossFactions());
            }
        }
        if (c.disclosure() != null) {
            w.row("confidence", "", "", "", "", "suppressed-primary", c.disclosure().primary());
            w.row("confidence", "", "", "", "", "suppressed-secondary", c.disclosure().secondary());
        }
    }

    private record Writer(CSVPrinter p) {
        void row(String section, String role, String metric, String group, String stratum, String stat, Object value)
                throws IOException {
            if (value != null) {
                p.printRecord(section, role, metric, group, stratum, stat, value);
            }
        }

        void count(String section, String role, String metric, String group, String stratum, String stat, Count c)
                throws IOException {
            if (c != null) {
                row(section, role, metric, group, stratum, stat, c.published() ? c.value() : "suppressed");
            }
        }

        void comparison(String section, String role, String metric, String group, String stratum, Comparison c)
                throws IOException {
            if (c == null) {
                return;
            }
            row(section, role, metric, group, stratum, "ratio", c.ratio());
            row(section, role, metric, group, stratum, "ci-lower", c.ciLower());
            row(section, role, metric, group, stratum, "ci-upper", c.ciUpper());
            row(section, role, metric, group, stratum, "test", c.test());
            row(section, role, metric, group, stratum, "p-value", c.pValue());
            row(section, role, metric, group, stratum, "verdict", c.verdict().code());
        }

        void stratified(String section, String role, String metric, String group, String stratum, Stratified s)
                throws IOException {
            if (s == null) {
                return;
            }
            row(section, role, metric, group, stratum, "strata", s.strata());
            row(section, role, metric, group, stratum, "mh-risk-ratio", s.riskRatio());
            row(section, role, metric, group, stratum, "ci-lower", s.ciLower());
            row(section, role, metric, group, stratum, "ci-upper", s.ciUpper());
            row(section, role, metric, group, stratum, "mh-odds-ratio", s.oddsRatio());
            row(section, role, metric, group, stratum, "or-ci-lower", s.orCiLower());
            row(section, role, metric, group, stratum, "or-ci-upper", s.orCiUpper());
            row(section, role, metric, group, stratum, "cmh", s.cmh());
            row(section, role, metric, group, stratum, "cmh-p-value", s.cmhPValue());
            row(section, role, metric, group, stratum, "breslow-day", s.breslowDay());
            row(section, role, metric, group, stratum, "breslow-day-p-value", s.breslowDayPValue());
            row(section, role, metric, group, stratum, "cmh-p-adjusted", s.cmhPAdjusted());
            row(section, role, metric, group, stratum, "basis", s.basis());
            row(section, role, metric, group, stratum, "verdict", s.verdict().code());
        }

        void independence(String section, String role, String metric, Independence i) throws IOException {
            if (i == null) {
                return;
            }
            row(section, role, metric, "all-factions", "", "chi-squared", i.statistic());
            row(section, role, metric, "all-factions", "", "df", i.degreesOfFreedom());
            row(section, role, metric, "all-factions", "", "p-value", i.pValue());
            row(section, role, metric, "all-factions", "", "verdict", i.verdict().code());
        }
    }
}
